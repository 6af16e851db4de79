// Runs the vmbcheck binary the way a user does and reads its SARIF back, for
// the end-to-end tests.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vmbcheck::test {

struct ToolRun {
  int ExitCode = -1;
  std::string Stdout;
  std::string Stderr;
  nlohmann::json Sarif; // null unless the run wrote SARIF
};

// Path of the vmbcheck binary and of the repository (from the build).
std::string toolPath();
std::string repoRoot();

// Runs `vmbcheck Args...` in WorkDir (default: the repository root). When
// WantSarif is set, adds --format=sarif -o <tmp> and parses the file.
ToolRun runTool(const std::vector<std::string> &Args, bool WantSarif = false,
                const std::string &WorkDir = "");

// A result or notification of a SARIF log, flattened.
struct SarifFinding {
  std::string RuleId, File, Message;
  unsigned Line = 0;
  struct Step {
    std::string File, Message;
    unsigned Line = 0;
  };
  std::vector<Step> Steps;
};
struct SarifNotification {
  std::string Id, File, Message, Level;
  unsigned Line = 0;
};

std::vector<SarifFinding> findingsOf(const nlohmann::json &Sarif);
std::vector<SarifNotification> notificationsOf(const nlohmann::json &Sarif);

// Resolves a SARIF artifact location to an absolute path.
std::string resolveUri(const nlohmann::json &Sarif, const nlohmann::json &ArtifactLocation);

std::string readFile(const std::string &Path);
void writeFile(const std::string &Path, const std::string &Text);
std::string makeTempDir();

} // namespace vmbcheck::test
