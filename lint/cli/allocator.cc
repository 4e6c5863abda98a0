// The allocator settings of the hublint binary, linked with jemalloc
// (lint/cli/CMakeLists.txt, HUBLINT_JEMALLOC).
//
// A 100,000-member snapshot is read into about 300 MB of strings, vectors
// and parser buffers, touched once each. With 4 KiB pages that is some
// 80,000 page faults, a third of the run on a virtual machine; with
// transparent huge pages (2 MiB) it is a few thousand. jemalloc asks for
// them on its own mappings with `thp:always` (glibc's malloc can only be
// told so through the GLIBC_TUNABLES environment variable). Where the
// kernel does not offer huge pages, the setting does nothing.
//
// jemalloc reads this symbol once, when it starts.
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
