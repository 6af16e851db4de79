// Finds the functions of a translation unit that are save callbacks:
//  - a declaration written with the role type EVT_VMB_CHANNEL_SAVE_PACKET
//    (directly or through a typedef of it);
//  - a declaration annotated _Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET);
//  - passed where a PFN_VMB_CHANNEL_SAVE_PACKET parameter is expected (the
//    SavePacket argument of VmbServerChannelInitSetSaveRestorePacketCallbacks,
//    called directly or through a method table);
//  - stored in a PFN_VMB_CHANNEL_SAVE_PACKET variable or field;
//  - registered in another translation unit of the same run (by name).
// Only the main file's declarations are traversed: the WDK headers are huge.
#pragma once

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

inline constexpr const char *SaveRoleType = "EVT_VMB_CHANNEL_SAVE_PACKET";
inline constexpr const char *SavePointerType = "PFN_VMB_CHANNEL_SAVE_PACKET";
inline constexpr const char *RegistrationFunction =
    "VmbServerChannelInitSetSaveRestorePacketCallbacks";

// A place where a function is used as the save callback.
struct CallbackUse {
  SourceSpan Where;
  std::string How; // "passed as SavePacket to VmbServerChannel...", "stored in 'Save'"
};

struct DiscoveredCallback {
  const clang::FunctionDecl *Definition = nullptr; // in the main file
  std::string Name;
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

// ExternalUses: registrations found in other translation units of the run,
// by function name.
DiscoveryResult
discoverCallbacks(clang::ASTContext &Ctx, const SalIndex &Sal,
                  const std::map<std::string, std::vector<CallbackUse>> &ExternalUses);

} // namespace vmbcheck
