#include "reference/reference_data.h"

#include <cstdio>
#include <cstdlib>

#include "base/csv.h"
#include "model/client.h"
#include "reference/embedded_data.h"

namespace sargs {
namespace {

// A code of `length` capital letters as a number (AA = 0, AB = 1 ...), or -1.
int LetterCode(std::string_view code, size_t length) {
  if (code.size() != length) return -1;
  int k = 0;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return -1;
    k = k * 26 + (c - 'A');
  }
  return k;
}


constexpr const char* kInstitutionColumns[kInstitutionTypeCount] = {
    "credit_institution", "payment_emoney",  "private_pension_fund",
    "investment_broker",  "investment_management", "aifm",
    "credit_union",       "insurer",         "insurance_intermediary"};

// A CSV table addressed by column name, with errors that name the column.
class Table {
 public:
  static Result<Table> Parse(std::string_view text, std::string_view file,
                             const std::vector<std::string>& required) {
    Table t;
    t.file_ = file;
    t.records_ = TRY(ParseCsv(text, file, CsvOptions{.comments = true}));
    if (t.records_.empty()) return Fail(Location{t.file_, 1, 1}, "", "no header row");
    for (size_t i = 0; i < t.records_[0].fields.size(); ++i) {
      t.columns_[t.records_[0].fields[i].value] = i;
    }
    for (const auto& name : required) {
      if (!t.columns_.count(name)) {
        return Fail(Location{t.file_, t.records_[0].line, 1}, name, "missing column");
      }
    }
    for (size_t r = 1; r < t.records_.size(); ++r) {
      if (t.records_[r].fields.size() != t.records_[0].fields.size()) {
        return Fail(Location{t.file_, t.records_[r].line, 1}, "",
                    "expected " + std::to_string(t.records_[0].fields.size()) + " fields, found " +
                        std::to_string(t.records_[r].fields.size()));
      }
    }
    return t;
  }
  size_t rows() const { return records_.size() - 1; }
  const std::string& Get(size_t row, const std::string& column) const {
    static const std::string kEmpty;
    auto it = columns_.find(column);
    return it == columns_.end() ? kEmpty : records_[row + 1].fields[it->second].value;
  }
  Location Where(size_t row, const std::string& column) const {
    auto it = columns_.find(column);
    const CsvRecord& rec = records_[row + 1];
    return Location{file_, rec.line, it == columns_.end() ? 1 : rec.fields[it->second].column};
  }

 private:
  std::string file_;
  std::vector<CsvRecord> records_;
  std::map<std::string, size_t> columns_;
};

Result<bool> ParseBool(const Table& t, size_t row, const std::string& column) {
  const std::string& v = t.Get(row, column);
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  return Fail(t.Where(row, column), column, "expected true or false, found '" + v + "'");
}

}  // namespace

Result<InstitutionType> ParseInstitutionType(std::string_view name) {
  if (name == "payment_institution" || name == "emoney_institution") {
    return InstitutionType::kPaymentEmoney;
  }
  for (int i = 0; i < kInstitutionTypeCount; ++i) {
    if (name == kInstitutionColumns[i]) return static_cast<InstitutionType>(i);
  }
  std::string known;
  for (const char* c : kInstitutionColumns) known += std::string(known.empty() ? "" : ", ") + c;
  return Fail("unknown institution type '" + std::string(name) + "' (known: " + known +
              ", payment_institution, emoney_institution)");
}

const char* ToString(InstitutionType t) { return kInstitutionColumns[static_cast<int>(t)]; }

std::map<std::string, std::string> ReadHeaderComments(std::string_view text) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < text.size() && text[pos] == '#') {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos + 1, end - pos - 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string key(line.substr(0, colon));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      std::string& slot = out[key];
      if (!slot.empty()) slot += ' ';
      slot += value;
    }
    pos = end + 1;
  }
  return out;
}

Result<ReferenceData> ReferenceData::Parse(
    const std::vector<std::pair<std::string, std::string_view>>& files) {
  ReferenceData ref;
  auto find = [&](std::string_view path) -> Result<std::string_view> {
    for (const auto& [p, content] : files) {
      if (p == path) return content;
    }
    return Fail("reference file " + std::string(path) + " is missing");
  };

  {
    const std::string file = "data/factors.csv";
    Table t = TRY(Table::Parse(TRY(find(file)), file,
                               {"code", "annex", "number", "segment", "label_en", "applies_to", "text_lv"}));
    for (size_t r = 0; r < t.rows(); ++r) {
      FactorInfo f;
      f.code = t.Get(r, "code");
      f.annex = std::atoi(t.Get(r, "annex").c_str());
      f.number = std::atoi(t.Get(r, "number").c_str());
      if (f.code != "A" + std::to_string(f.annex) + "." + std::to_string(f.number)) {
        return Fail(t.Where(r, "code"), "code", "code does not match annex and number");
      }
      f.segment = t.Get(r, "segment");
      f.label_en = t.Get(r, "label_en");
      f.text_lv = t.Get(r, "text_lv");
      const std::string& applies = t.Get(r, "applies_to");
      if (applies == "all") {
        f.applies_mask = (1u << kInstitutionTypeCount) - 1;
      } else {
        size_t start = 0;
        while (start <= applies.size()) {
          size_t end = applies.find(';', start);
          if (end == std::string::npos) end = applies.size();
          auto type = ParseInstitutionType(std::string_view(applies).substr(start, end - start));
          if (!type) return Fail(t.Where(r, "applies_to"), "applies_to", type.error().message);
          f.applies_mask |= 1u << static_cast<int>(*type);
          start = end + 1;
        }
      }
      ref.factor_index_[f.code] = static_cast<int>(ref.factors_.size());
      ref.factors_.push_back(std::move(f));
    }
  }
  {
    const std::string file = "data/countries.csv";
    Table t = TRY(Table::Parse(TRY(find(file)), file, {"code", "name_en", "eu", "eea", "oecd"}));
    for (size_t r = 0; r < t.rows(); ++r) {
      CountryInfo c{t.Get(r, "code"), t.Get(r, "name_en"), TRY(ParseBool(t, r, "eu")),
                    TRY(ParseBool(t, r, "eea")), TRY(ParseBool(t, r, "oecd"))};
      int k = LetterCode(c.code, 2);
      if (k < 0) return Fail(Location{file, static_cast<int>(r) + 2, 1}, "code", "not two capital letters");
      ref.countries_[static_cast<size_t>(k)] = c;
    }
  }
  {
    const std::string file = "data/currencies.csv";
    Table t = TRY(Table::Parse(TRY(find(file)), file, {"code"}));
    for (size_t r = 0; r < t.rows(); ++r) {
      int k = LetterCode(t.Get(r, "code"), 3);
      if (k < 0) return Fail(Location{file, static_cast<int>(r) + 2, 1}, "code", "not three capital letters");
      ref.currencies_[static_cast<size_t>(k)] = true;
    }
  }
  {
    const std::string file = "data/nace_activities.csv";
    Table t = TRY(Table::Parse(TRY(find(file)), file, {"nace_prefix", "activity"}));
    for (size_t r = 0; r < t.rows(); ++r) {
      ref.nace_rules_.push_back({t.Get(r, "nace_prefix"), t.Get(r, "activity")});
    }
  }
  for (const auto& [path, content] : files) {
    if (path.rfind("data/country_lists/", 0) != 0) continue;
    Table t = TRY(Table::Parse(content, path, {"code"}));
    auto header = ReadHeaderComments(content);
    CountryList list;
    list.id = header["list"];
    if (list.id.empty()) return Fail(Location{path, 1, 1}, "list", "missing '# list:' comment");
    list.title = header["title"];
    list.source = header["source"];
    list.as_of = header["as_of"];
    for (size_t r = 0; r < t.rows(); ++r) {
      const std::string& code = t.Get(r, "code");
      if (!ref.Country(code)) {
        return Fail(t.Where(r, "code"), "code", "unknown country code '" + code + "'");
      }
      list.codes.insert(code);
    }
    ref.lists_[list.id] = std::move(list);
  }
  return ref;
}

int ReferenceData::FactorIndex(std::string_view code) const {
  auto it = factor_index_.find(std::string(code));
  return it == factor_index_.end() ? -1 : it->second;
}

const FactorInfo* ReferenceData::Factor(std::string_view code) const {
  int i = FactorIndex(code);
  return i < 0 ? nullptr : &factors_[i];
}

const CountryInfo* ReferenceData::Country(std::string_view code) const {
  int k = LetterCode(code, 2);
  return k >= 0 && !countries_[static_cast<size_t>(k)].code.empty() ? &countries_[static_cast<size_t>(k)] : nullptr;
}

bool ReferenceData::IsCurrency(std::string_view code) const {
  int k = LetterCode(code, 3);
  return k >= 0 && currencies_[static_cast<size_t>(k)];
}

const CountryList* ReferenceData::List(std::string_view id) const {
  auto it = lists_.find(std::string(id));
  return it == lists_.end() ? nullptr : &it->second;
}

uint8_t ReferenceData::NaceActivities(std::string_view nace) const {
  uint8_t bits = 0;
  for (const NaceRule& rule : nace_rules_) {
    if (nace.rfind(rule.prefix, 0) != 0) continue;
    if (rule.activity == "gambling") bits |= kGambling;
    if (rule.activity == "cash_in_transit") bits |= kCashInTransit;
    if (rule.activity == "precious_goods") bits |= kPreciousGoods;
    if (rule.activity == "arms") bits |= kArms;
  }
  return bits;
}

bool ReferenceData::NaceCashIntensive(std::string_view nace) const {
  for (const NaceRule& rule : nace_rules_) {
    if (rule.activity == "cash_intensive" && nace.rfind(rule.prefix, 0) == 0) return true;
  }
  return false;
}

const ReferenceData& ShippedReference() {
  static const ReferenceData ref = [] {
    std::vector<std::pair<std::string, std::string_view>> files;
    for (const EmbeddedFile& f : EmbeddedFiles()) files.emplace_back(std::string(f.path), f.content);
    auto parsed = ReferenceData::Parse(files);
    if (!parsed) {
      std::fprintf(stderr, "sargs: shipped reference data is broken: %s\n",
                   parsed.error().ToString().c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return ref;
}

}  // namespace sargs
