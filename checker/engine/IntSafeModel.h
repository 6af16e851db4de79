// The modeling checker for ntintsafe's checked arithmetic (RtlULongAdd,
// RtlULongMult, RtlSizeTMult, RtlULongLongToULong, ..., _umul128) and for
// integer truncations; see IntSafeModel.cpp.
#pragma once

namespace clang::ento {
class CheckerRegistry;
}

namespace vmbcheck::model {

// Registers the checker (not a rule; always on).
void registerIntSafeModel(clang::ento::CheckerRegistry &R);
inline constexpr const char *IntSafeModelName = "vmbcheck.IntSafeModel";

} // namespace vmbcheck::model
