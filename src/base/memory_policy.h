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
//
// The heap itself grows by 4 KiB pages, each a fault that the virtual
// machines Sargs runs on handle slowly: a million clients read from files are
// a few million small blocks. glibc can ask for transparent huge pages for
// its heap (the tunable glibc.malloc.hugetlb=1), but reads its tunables only
// when a process starts; HeapOnHugePages starts the program again with it.
// `sargs monitor --input` over 10 M transactions took 28.7 s instead of
// 36.2 s (docs/benchmarks.md).
#pragma once

namespace sargs {

// Call once at the start of main, before anything is allocated in bulk.
void KeepFreedMemory();

// Call first thing in main: unless GLIBC_TUNABLES already says how the heap
// should be paged (the user's choice wins), executes the program again
// (its file as /proc/self/exe names it, same arguments) with glibc.malloc.hugetlb=1 added. Returns
// only when that is not possible, with the environment as it was.
void HeapOnHugePages(char** argv);

}  // namespace sargs
