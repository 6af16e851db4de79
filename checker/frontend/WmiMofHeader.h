// A stand-in for the header wmimofck writes from a WMI MOF file (-h): per
// class, its GUID (NAMEGuid, DEFINE_GUID NAME_GUID), a struct of its
// WmiDataId properties in id order with NAME_Prop_SIZE / NAME_Prop_ID, and
// NAME_SIZE; per WmiMethodId method, NAME of the method as its id. The
// fixed-size properties end at the first one of variable length (a string,
// an array sized by WmiSizeIs, an unknown type), where wmimofck's
// `CHAR VariableData[1]` stands for the rest (their _IDs are still defined).
// Used by --assume-generated-empty, so that a WMI driver compiles before
// the project is built; the layout of variable-length data is not modelled.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace vmbcheck {

// Text: the .mof file (untrusted: what does not parse is skipped).
std::string wmiMofHeader(llvm::StringRef Text);

} // namespace vmbcheck
