// SPDX-License-Identifier: Apache-2.0
// Start-up, not behaviour: nothing calls StartupAnchor.
//
// The tool holds ICU's classes (tools/CMakeLists.txt). Each class's type_info points at a
// vtable of the C++ ABI's type_info classes, and each abstract class's vtable at
// __cxa_pure_virtual, all four in libstdc++. Left to the loader, those ~1,000 pointers are
// written at every start, into ~14 pages that the kernel copies one by one (on the project's
// virtual machine a written page of a file costs 10-30 us, docs/performance.md).
//
// Naming the four here, from code that is not position-independent (see the CMake file), lets
// the linker fix those pointers at link time: it puts a copy of each vtable in the tool (a copy
// relocation, as for std::cout) and gives __cxa_pure_virtual one address, the tool's own PLT
// entry. The program behaves the same: the copies are made by the loader from libstdc++'s
// vtables, libstdc++ itself then uses them, and a pure virtual call still ends in libstdc++.

extern "C" void __cxa_pure_virtual();
extern const char kSiClassTypeInfoVtable[] __asm__("_ZTVN10__cxxabiv120__si_class_type_infoE");
extern const char kVmiClassTypeInfoVtable[] __asm__("_ZTVN10__cxxabiv121__vmi_class_type_infoE");
extern const char kClassTypeInfoVtable[] __asm__("_ZTVN10__cxxabiv117__class_type_infoE");

namespace steppe::cli {

const void* StartupAnchor(int which) {
  switch (which) {
    case 0:
      return kSiClassTypeInfoVtable;
    case 1:
      return kVmiClassTypeInfoVtable;
    case 2:
      return kClassTypeInfoVtable;
    default:
      return reinterpret_cast<const void*>(&__cxa_pure_virtual);
  }
}

}  // namespace steppe::cli
