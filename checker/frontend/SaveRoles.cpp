#include "frontend/SaveRoles.h"
#include "report/Embedded.h"

#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

namespace vmbcheck {

bool SaveRoles::parse(llvm::StringRef Json, SaveRoles &Out, std::string &Error) {
  auto Doc = nlohmann::json::parse(Json.begin(), Json.end(), nullptr, false);
  if (Doc.is_discarded() || !Doc.is_object() || !Doc.contains("roles") ||
      !Doc["roles"].is_array() || Doc["roles"].empty()) {
    Error = "roles.json: expected an object with a non-empty \"roles\" array";
    return false;
  }
  for (const auto &Row : Doc["roles"]) {
    SaveRole R;
    try {
      R.RoleType = Row.at("role").get<std::string>();
      R.PointerType = Row.at("pointer").get<std::string>();
      R.Interface = Row.value("interface", std::string("KMCL"));
      R.ParamCount = Row.at("parameterCount").get<unsigned>();
      const auto &P = Row.at("parameters");
      R.SaveBuf = P.at("SaveBuf").get<unsigned>();
      R.SaveBufSize = P.at("SaveBufSize").get<unsigned>();
      R.BytesNeeded = P.at("BytesNeeded").get<unsigned>();
      for (const auto &Reg : Row.at("registrations"))
        R.Registrations.push_back(
            {Reg.at("function").get<std::string>(), Reg.at("argument").get<unsigned>()});
    } catch (const std::exception &Ex) {
      Error = "roles.json: " + (R.RoleType.empty() ? std::string("a role") : R.RoleType) + ": " +
              Ex.what();
      return false;
    }
    for (unsigned Pos : {R.SaveBuf, R.SaveBufSize, R.BytesNeeded})
      if (Pos >= R.ParamCount) {
        Error = "roles.json: " + R.RoleType + ": parameter position " + std::to_string(Pos) +
                " is not below parameterCount " + std::to_string(R.ParamCount);
        return false;
      }
    Out.Roles.push_back(std::move(R));
  }
  return true;
}

const SaveRoles &SaveRoles::builtin() {
  static const SaveRoles Table = [] {
    SaveRoles T;
    std::string Error;
    auto Json = embedded::find("rules/roles.json");
    if (!Json || !parse(*Json, T, Error)) {
      llvm::errs() << "vmbcheck: internal error: "
                   << (Json ? Error : "rules/roles.json not embedded") << "\n";
      std::abort();
    }
    return T;
  }();
  return Table;
}

const SaveRole *SaveRoles::byRoleType(llvm::StringRef Name) const {
  for (const SaveRole &R : Roles)
    if (R.RoleType == Name)
      return &R;
  return nullptr;
}

const SaveRole *SaveRoles::byPointerType(llvm::StringRef Name) const {
  for (const SaveRole &R : Roles)
    if (R.PointerType == Name)
      return &R;
  return nullptr;
}

} // namespace vmbcheck
