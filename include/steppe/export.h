// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_EXPORT_H_
#define STEPPE_EXPORT_H_

// Marks the classes and functions of Steppe's public API; everything else is hidden.
#if defined(_WIN32)
#define STEPPE_EXPORT
#else
#define STEPPE_EXPORT [[gnu::visibility("default")]]
#endif

#endif  // STEPPE_EXPORT_H_
