#include "report/SarifMerge.h"

#include <algorithm>
#include <tuple>

namespace vmbcheck {

using nlohmann::json;

static auto resultKey(const json &R) {
  const json &PL = R["locations"][0]["physicalLocation"];
  const json &Region = PL.value("region", json::object());
  return std::make_tuple(PL["artifactLocation"].value("uri", ""), Region.value("startLine", 0),
                         Region.value("startColumn", 0), R.value("ruleId", ""),
                         R["message"].value("text", ""));
}

static auto notificationKey(const json &N) {
  std::string Uri;
  int Line = 0, Column = 0;
  if (N.contains("locations")) {
    const json &PL = N["locations"][0]["physicalLocation"];
    Uri = PL["artifactLocation"].value("uri", "");
    if (PL.contains("region")) {
      Line = PL["region"].value("startLine", 0);
      Column = PL["region"].value("startColumn", 0);
    }
  }
  return std::make_tuple(Uri, Line, Column, N["message"].value("text", ""));
}

bool mergeSarif(const std::vector<json> &Logs, json &Out, std::string &Error) {
  if (Logs.empty()) {
    Error = "nothing to merge";
    return false;
  }
  json Run;
  json Results = json::array(), Notifications = json::array();
  bool Success = true;
  for (size_t I = 0; I < Logs.size(); ++I) {
    const json &L = Logs[I];
    if (!L.is_object() || L.value("version", "") != "2.1.0" || !L.contains("runs") ||
        L["runs"].size() != 1) {
      Error = "input " + std::to_string(I + 1) + " is not a single-run SARIF 2.1.0 log";
      return false;
    }
    const json &R = L["runs"][0];
    if (I == 0) {
      Run = R;
    } else {
      if (R["tool"]["driver"].value("name", "") != Run["tool"]["driver"].value("name", "") ||
          R["tool"]["driver"].value("semanticVersion", "") !=
              Run["tool"]["driver"].value("semanticVersion", "")) {
        Error = "input " + std::to_string(I + 1) + " comes from another tool or version";
        return false;
      }
      if (R.value("originalUriBaseIds", json::object()) !=
          Run.value("originalUriBaseIds", json::object())) {
        Error = "input " + std::to_string(I + 1) + " has another source root (%SRCROOT%)";
        return false;
      }
    }
    for (const json &Res : R.value("results", json::array()))
      Results.push_back(Res);
    for (const json &Inv : R.value("invocations", json::array())) {
      Success = Success && Inv.value("executionSuccessful", true);
      for (const json &N : Inv.value("toolExecutionNotifications", json::array()))
        Notifications.push_back(N);
    }
  }
  std::stable_sort(Results.begin(), Results.end(),
                   [](const json &A, const json &B) { return resultKey(A) < resultKey(B); });
  std::stable_sort(Notifications.begin(), Notifications.end(), [](const json &A, const json &B) {
    return notificationKey(A) < notificationKey(B);
  });
  json Invocation = {{"executionSuccessful", Success}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = Notifications;
  Run["invocations"] = json::array({Invocation});
  Run["results"] = Results;
  Out = Logs[0];
  Out["runs"] = json::array({Run});
  return true;
}

} // namespace vmbcheck
