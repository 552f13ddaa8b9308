// How the process asks the kernel for memory.
//
// An import or a monitoring run allocates arrays of hundreds of megabytes in
// turn (staged records, interning tables, each rule's working arrays) and
// frees them. By default glibc maps every block above 32 MiB separately and
// unmaps it on free, so the next array faults in and zeroes fresh pages
// again: at ten million transactions a quarter of the monitoring time went
// to the kernel clearing pages. Keeping freed memory in the heap lets the
// next array reuse pages already present (15.7 s -> 11.9 s for every rule
// over 10 M transactions, docs/benchmarks.md). Memory that HugePageAllocator
// maps itself is not affected.
#pragma once

namespace sargs {

// Call once at the start of main, before anything is allocated in bulk.
void KeepFreedMemory();

}  // namespace sargs
