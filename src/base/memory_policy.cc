#include "base/memory_policy.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace sargs {

void KeepFreedMemory() {
  ::mallopt(M_MMAP_MAX, 0);                   // every block from the heap, reusable after free
  ::mallopt(M_TRIM_THRESHOLD, 1 << 30);       // hand memory back only when a gigabyte is free at the top
}

void HeapOnHugePages(char** argv) {
  constexpr const char* kName = "GLIBC_TUNABLES";
  constexpr const char* kTunable = "glibc.malloc.hugetlb";
  const char* current = std::getenv(kName);
  // The program's own file, by name, so that ps and top still call it sargs.
  char self[4096];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) return;
  self[length] = '\0';
  if (current != nullptr && std::strstr(current, kTunable) != nullptr) return;
  const std::string before = current != nullptr ? current : "";
  const std::string value = (before.empty() ? "" : before + ":") + kTunable + "=1";
  if (::setenv(kName, value.c_str(), 1) != 0) return;
  ::execv(self, argv);
  // Not possible: carry on with ordinary pages.
  if (current != nullptr) {
    ::setenv(kName, before.c_str(), 1);
  } else {
    ::unsetenv(kName);
  }
}

}  // namespace sargs
