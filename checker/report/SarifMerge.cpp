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

// Why a location does not have the shape vmbcheck writes, or "".
static std::string locationProblem(const json &L) {
  if (!L.is_object() || !L.contains("physicalLocation") || !L["physicalLocation"].is_object())
    return "a location without physicalLocation";
  const json &PL = L["physicalLocation"];
  if (!PL.contains("artifactLocation") || !PL["artifactLocation"].is_object() ||
      !PL["artifactLocation"].contains("uri") || !PL["artifactLocation"]["uri"].is_string())
    return "a location without artifactLocation.uri";
  if (PL.contains("region")) {
    const json &Rg = PL["region"];
    if (!Rg.is_object())
      return "a region that is not an object";
    for (const char *K : {"startLine", "startColumn"})
      if (Rg.contains(K) && !Rg[K].is_number_integer())
        return std::string("a region whose ") + K + " is not an integer";
  }
  return "";
}

static std::string messageProblem(const json &X) {
  if (!X.contains("message") || !X["message"].is_object() || !X["message"].contains("text") ||
      !X["message"]["text"].is_string())
    return "without message.text";
  return "";
}

// Why a result or notification cannot be merged (sorted by its location,
// matched by its rule), or "". Logs come from CI artifacts: any shape.
static std::string resultProblem(const json &R) {
  if (!R.is_object())
    return "a result that is not an object";
  if (!R.contains("ruleId") || !R["ruleId"].is_string())
    return "a result without a ruleId string";
  if (std::string P = messageProblem(R); !P.empty())
    return "a result " + P;
  if (!R.contains("locations") || !R["locations"].is_array() || R["locations"].empty())
    return "a result without locations";
  return locationProblem(R["locations"][0]);
}

static std::string notificationProblem(const json &N) {
  if (!N.is_object())
    return "a notification that is not an object";
  if (std::string P = messageProblem(N); !P.empty())
    return "a notification " + P;
  if (N.contains("locations")) {
    if (!N["locations"].is_array() || N["locations"].empty())
      return "a notification with an empty or malformed locations list";
    return locationProblem(N["locations"][0]);
  }
  return "";
}

static bool mergeChecked(const std::vector<json> &Logs, const std::vector<std::string> &Names,
                         json &Out, std::string &Error);

bool mergeSarif(const std::vector<json> &Logs, const std::vector<std::string> &Names, json &Out,
                std::string &Error) {
  try {
    return mergeChecked(Logs, Names, Out, Error);
  } catch (const json::exception &E) {
    // A value of another type than SARIF gives it, anywhere.
    Error = "not a SARIF log vmbcheck can merge: " + std::string(E.what());
    return false;
  }
}

static bool mergeChecked(const std::vector<json> &Logs, const std::vector<std::string> &Names,
                         json &Out, std::string &Error) {
  auto Name = [&](size_t I) {
    return I < Names.size() ? Names[I] : "input " + std::to_string(I + 1);
  };
  if (Logs.empty()) {
    Error = "nothing to merge";
    return false;
  }
  json Run;
  json Results = json::array(), Notifications = json::array();
  bool Success = true;
  for (size_t I = 0; I < Logs.size(); ++I) {
    const json &L = Logs[I];
    if (!L.is_object() || !L.contains("version") || L["version"] != "2.1.0" ||
        !L.contains("runs") || !L["runs"].is_array() || L["runs"].size() != 1 ||
        !L["runs"][0].is_object()) {
      Error = Name(I) + ": not a single-run SARIF 2.1.0 log";
      return false;
    }
    const json &R = L["runs"][0];
    for (const char *K : {"results", "invocations"})
      if (R.contains(K) && !R[K].is_array()) {
        Error = Name(I) + ": " + K + " is not an array";
        return false;
      }
    for (const json &Res : R.value("results", json::array()))
      if (std::string P = resultProblem(Res); !P.empty()) {
        Error = Name(I) + ": " + P;
        return false;
      }
    for (const json &Inv : R.value("invocations", json::array())) {
      if (!Inv.is_object() ||
          (Inv.contains("toolExecutionNotifications") &&
           !Inv["toolExecutionNotifications"].is_array())) {
        Error = Name(I) + ": an invocation of another shape";
        return false;
      }
      for (const json &N : Inv.value("toolExecutionNotifications", json::array()))
        if (std::string P = notificationProblem(N); !P.empty()) {
          Error = Name(I) + ": " + P;
          return false;
        }
    }
    if (I == 0) {
      Run = R;
    } else {
      auto Driver = [](const json &X, const std::string &Key) {
        json::json_pointer P("/tool/driver/" + Key);
        return X.contains(P) && X.at(P).is_string() ? X.at(P).get<std::string>() : std::string();
      };
      if (Driver(R, "name") != Driver(Run, "name") ||
          Driver(R, "semanticVersion") != Driver(Run, "semanticVersion")) {
        Error = Name(I) + ": comes from another tool or version";
        return false;
      }
      if (R.value("originalUriBaseIds", json::object()) !=
          Run.value("originalUriBaseIds", json::object())) {
        Error = Name(I) + ": has another source root (%SRCROOT%)";
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
