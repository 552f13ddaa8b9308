#include "screening/name_translit.h"

#include <unicode/utf8.h>

namespace sargs {
namespace {

bool IsCyrillicVowel(UChar32 c) {
  switch (c) {
    case U'а': case U'е': case U'ё': case U'и': case U'о': case U'у': case U'ы':
    case U'э': case U'ю': case U'я': case U'і': case U'ї': case U'є':
      return true;
    default:
      return false;
  }
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, c, error);
  if (!error) out.append(buffer, length);
}

template <typename Table>
std::string Transcribe(std::string_view utf8, Table table) {
  std::string out;
  out.reserve(utf8.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  UChar32 previous = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0) continue;
    const char* latin = table(c, previous);
    if (latin != nullptr) {
      out += latin;
    } else {
      AppendUtf8(out, c);
    }
    previous = c;
  }
  return out;
}

const char* IcaoLetter(UChar32 c, UChar32 /*previous*/) {
  switch (c) {
    case U'а': return "a";
    case U'б': return "b";
    case U'в': return "v";
    case U'г': return "g";
    case U'д': return "d";
    case U'е': return "e";
    case U'ё': return "e";
    case U'ж': return "zh";
    case U'з': return "z";
    case U'и': return "i";
    case U'й': return "i";
    case U'к': return "k";
    case U'л': return "l";
    case U'м': return "m";
    case U'н': return "n";
    case U'о': return "o";
    case U'п': return "p";
    case U'р': return "r";
    case U'с': return "s";
    case U'т': return "t";
    case U'у': return "u";
    case U'ф': return "f";
    case U'х': return "kh";
    case U'ц': return "ts";
    case U'ч': return "ch";
    case U'ш': return "sh";
    case U'щ': return "shch";
    case U'ъ': return "ie";
    case U'ы': return "y";
    case U'ь': return "";
    case U'э': return "e";
    case U'ю': return "iu";
    case U'я': return "ia";
    // Ukrainian, Belarusian and the South Slavic letters of the same table.
    case U'ґ': return "g";
    case U'є': return "ie";
    case U'і': return "i";
    case U'ї': return "i";
    case U'ў': return "u";
    case U'ђ': return "d";
    case U'ѓ': return "g";
    case U'ѕ': return "dz";
    case U'ј': return "j";
    case U'љ': return "lj";
    case U'њ': return "nj";
    case U'ћ': return "c";
    case U'ќ': return "k";
    case U'џ': return "dz";
    default: return nullptr;
  }
}

const char* LatvianLetter(UChar32 c, UChar32 previous) {
  const bool soft_start = previous == 0 || IsCyrillicVowel(previous) || previous == U'ь' ||
                          previous == U'ъ';
  switch (c) {
    case U'а': return "a";
    case U'б': return "b";
    case U'в': return "v";
    case U'г': return "g";
    case U'д': return "d";
    case U'е': return soft_start ? "je" : "e";
    // After ж, ч, ш, щ the sound is plain "o": Пугачёва → Pugačova.
    case U'ё':
      return previous == U'ж' || previous == U'ч' || previous == U'ш' || previous == U'щ' ? "o" : "jo";
    case U'ж': return "z";
    case U'з': return "z";
    case U'и': return "i";
    case U'й': return "j";
    case U'к': return "k";
    case U'л': return "l";
    case U'м': return "m";
    case U'н': return "n";
    case U'о': return "o";
    case U'п': return "p";
    case U'р': return "r";
    case U'с': return "s";
    case U'т': return "t";
    case U'у': return "u";
    case U'ф': return "f";
    case U'х': return "h";
    case U'ц': return "c";
    case U'ч': return "c";
    case U'ш': return "s";
    case U'щ': return "sc";
    case U'ъ': return "";
    case U'ы': return "i";
    case U'ь': return "";
    case U'э': return "e";
    case U'ю': return "ju";
    case U'я': return "ja";
    case U'ґ': return "g";
    case U'є': return "je";
    case U'і': return "i";
    case U'ї': return "ji";
    case U'ў': return "u";
    default: return nullptr;
  }
}

}  // namespace

std::string IcaoFromCyrillic(std::string_view utf8) { return Transcribe(utf8, IcaoLetter); }

std::string LatvianFromCyrillic(std::string_view utf8) { return Transcribe(utf8, LatvianLetter); }

}  // namespace sargs
