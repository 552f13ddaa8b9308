#include "base/memory_policy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace sargs {
namespace {

TEST(MemoryPolicy, TheUsersOwnHeapTunableWins) {
  // Were the tunable overridden, the test binary would start again.
  ASSERT_EQ(::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2", 1), 0);
  char name[] = "sargs_tests";
  char* argv[] = {name, nullptr};
  HeapOnHugePages(argv);
  EXPECT_EQ(std::string(std::getenv("GLIBC_TUNABLES")), "glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2");
  ::unsetenv("GLIBC_TUNABLES");
}

}  // namespace
}  // namespace sargs
