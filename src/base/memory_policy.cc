#include "base/memory_policy.h"

#include <malloc.h>

namespace sargs {

void KeepFreedMemory() {
  ::mallopt(M_MMAP_MAX, 0);                   // every block from the heap, reusable after free
  ::mallopt(M_TRIM_THRESHOLD, 1 << 30);       // hand memory back only when a gigabyte is free at the top
}

}  // namespace sargs
