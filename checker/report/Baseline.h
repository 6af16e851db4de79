// Baselines: a SARIF log of findings already known. Findings are matched by
// rule, artifact URI and fingerprint (not by line), so inserting or deleting
// unrelated lines does not resurrect them.
#pragma once

#include "report/Finding.h"

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace vmbcheck {

class Baseline {
public:
  static std::optional<Baseline> load(const std::string &Path, std::string &Error);

  // Sets BaselineState on every finding: "unchanged" when the baseline has
  // it, else "new". SourceRoot makes URIs comparable with the baseline's.
  void classify(std::vector<FileResult> &Files, const std::string &SourceRoot) const;

private:
  std::set<std::tuple<std::string, std::string, std::string>> Known; // rule, uri, fingerprint
};

} // namespace vmbcheck
