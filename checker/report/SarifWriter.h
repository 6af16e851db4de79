// SARIF 2.1.0 output for IDEs and GitHub code scanning: full rule metadata
// from the catalogue, %SRCROOT%-relative artifact URIs, logical locations,
// fingerprints that survive unrelated edits, code flows for path steps, and
// tool execution notifications for what could not be analysed.
#pragma once

#include "report/Finding.h"
#include "report/GitProvenance.h"
#include "report/RuleCatalog.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vmbcheck {

struct SarifOptions {
  // Absolute directory that %SRCROOT% stands for, recorded in
  // originalUriBaseIds so that viewers resolve the relative URIs without
  // asking (empty: the URIs are absolute).
  std::string SourceRoot;
  // The git commit of the sources, for versionControlProvenance.
  std::optional<GitProvenance> Provenance;
  std::string ToolVersion;
  std::string InformationUri;
  // Suppressed findings are left out (GitHub ignores SARIF suppressions)
  // unless asked for; then they carry suppressions[] of kind inSource.
  bool IncludeSuppressed = false;
};

struct SarifInput {
  const std::vector<FileResult> *Files = nullptr;
  const std::vector<Notification> *RunNotifications = nullptr;
};

nlohmann::json makeSarif(const SarifInput &In, const RuleCatalog &Rules,
                         const SarifOptions &Options);

// Writes JSON as UTF-8 text (invalid byte sequences replaced), indented.
std::string serializeJson(const nlohmann::json &J);

// The fingerprint GitHub uses to track a result across commits: a hash of
// the rule, the function and the text of the flagged line (not its number),
// with an occurrence counter.
std::string lineHash(const Finding &F);

// A relative or file:// URI for Path under Root (percent-encoded).
std::string artifactUri(const std::string &Path, const std::string &Root, bool &Relative);

} // namespace vmbcheck
