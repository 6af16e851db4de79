// Finds the functions of a translation unit that are save callbacks, for
// every role type of rules/roles.json (EVT_VMB_CHANNEL_SAVE_PACKET and the
// V5 EVT_VMB_CHANNEL_SAVE_PACKET_EX):
//  - a declaration written with the role type (directly or through a
//    typedef of it);
//  - a declaration annotated _Function_class_(role type);
//  - passed where the role's PFN_ pointer type is expected (the callback
//    argument of a registration routine, called directly or through a
//    method table);
//  - stored in a variable, field or array of the PFN_ type, or cast to it;
//  - registered in another translation unit of the same run (by name).
// Only the main file's declarations are traversed (the WDK headers are
// huge), into namespaces, extern "C" blocks and classes; a function the main
// file uses as a callback is analysed wherever its body is, unless that is a
// system header.
#pragma once

#include "frontend/SaveRoles.h"
#include "report/Finding.h"

#include <map>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace vmbcheck {

class SalIndex;

// A place where a function is used as the save callback.
struct CallbackUse {
  SourceSpan Where;
  std::string How; // "passed as SavePacket to VmbServerChannel...", "stored in 'Save'"
  std::string Role; // the role type the use implies, e.g. EVT_VMB_CHANNEL_SAVE_PACKET_EX
};

struct DiscoveredCallback {
  const clang::FunctionDecl *Definition = nullptr;
  std::string Name; // qualified in C++ ("vsp::SavePacket")
  // The role its declarations or uses give it (the first found; a function
  // registered under two roles keeps the one of its declaration).
  const SaveRole *Role = nullptr;
  // The role its first use implies (null when only declared): differs from
  // Role when a function declared with one role is registered as another.
  const SaveRole *UsedAs = nullptr;
  // Why it is a callback, e.g. "declared with EVT_VMB_CHANNEL_SAVE_PACKET".
  std::vector<std::string> Reasons;
  std::vector<CallbackUse> Uses; // registrations and stores, here or elsewhere
  // A declaration with the role type or function class precedes the
  // definition (or the definition carries the function class).
  bool RoleBeforeDefinition = false;
  bool RoleAnywhere = false; // on any declaration, even after the definition
};

struct DiscoveryResult {
  std::vector<DiscoveredCallback> Callbacks; // in source order
  // Functions used as the save callback here but defined elsewhere, by name
  // (external linkage only), for the cross-file pass.
  std::map<std::string, std::vector<CallbackUse>> ExternalUses;
  // Main-file definitions with external linkage that are not callbacks here:
  // a registration in another file may make them one.
  std::vector<std::string> OtherExternalDefinitions;
};

// The name callbacks are reported and matched across files by: qualified
// in C++ ("vsp::SavePacket"), plain in C.
std::string callbackName(const clang::FunctionDecl *FD);
// The name messages use: the function's own name, or "(lambda at f.cpp:12)".
std::string shortCallbackName(const clang::FunctionDecl *FD);

// ExternalUses: registrations found in other translation units of the run,
// by function name.
DiscoveryResult
discoverCallbacks(clang::ASTContext &Ctx, const SalIndex &Sal,
                  const std::map<std::string, std::vector<CallbackUse>> &ExternalUses);

} // namespace vmbcheck
