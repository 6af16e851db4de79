// The save-callback role types (rules/roles.json, embedded at build time):
// the role typedef, its pointer typedef, the registration routines with the
// argument that takes the callback, and where the contract's parameters sit.
// Discovery and the engine read positions from here, so a new interface
// version is a row of data, not code.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace vmbcheck {

struct SaveRole {
  struct Registration {
    std::string Function; // VmbServerChannelInitSetSaveRestorePacketCallbacks
    unsigned Argument = 0; // 0-based position of the callback
  };
  std::string RoleType;    // EVT_VMB_CHANNEL_SAVE_PACKET
  std::string PointerType; // PFN_VMB_CHANNEL_SAVE_PACKET
  std::string Interface;   // "KMCL V5", for messages
  unsigned ParamCount = 0;
  unsigned SaveBuf = 0, SaveBufSize = 0, BytesNeeded = 0; // 0-based
  std::vector<Registration> Registrations;
};

class SaveRoles {
public:
  // The embedded table; aborts on a malformed table (a build defect the
  // tests catch).
  static const SaveRoles &builtin();
  // Parses a roles.json document; false with Error on any malformed row.
  static bool parse(llvm::StringRef Json, SaveRoles &Out, std::string &Error);

  const std::vector<SaveRole> &all() const { return Roles; }
  const SaveRole *byRoleType(llvm::StringRef Name) const;
  const SaveRole *byPointerType(llvm::StringRef Name) const;

private:
  std::vector<SaveRole> Roles;
};

} // namespace vmbcheck
