#include "ToolRunner.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#ifndef VMBCHECK_TOOL
#error "VMBCHECK_TOOL must be defined by the build"
#endif
#ifndef VMBCHECK_REPO
#error "VMBCHECK_REPO must be defined by the build"
#endif

namespace vmbcheck::test {

std::string toolPath() { return VMBCHECK_TOOL; }
std::string repoRoot() { return VMBCHECK_REPO; }

static std::string quote(const std::string &S) {
  std::string Q = "'";
  for (char C : S) {
    if (C == '\'')
      Q += "'\\''";
    else
      Q += C;
  }
  return Q + "'";
}

std::string readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

void writeFile(const std::string &Path, const std::string &Text) {
  std::ofstream Out(Path, std::ios::binary);
  Out << Text;
}

std::string makeTempDir() {
  char Template[] = "/tmp/vmbcheck-test-XXXXXX";
  if (!mkdtemp(Template))
    throw std::runtime_error("mkdtemp failed");
  return Template;
}

ToolRun runTool(const std::vector<std::string> &Args, bool WantSarif, const std::string &WorkDir) {
  std::string Tmp = makeTempDir();
  std::string Cmd = "cd " + quote(WorkDir.empty() ? repoRoot() : WorkDir) + " && " + quote(toolPath());
  std::string SarifPath = Tmp + "/out.sarif";
  // Before the arguments: they may end with `-- <compiler args>`. The source
  // root is recorded so that resolveUri can turn URIs back into paths.
  if (WantSarif)
    Cmd += " --format=sarif -o " + quote(SarifPath) + " --srcroot " +
           quote(WorkDir.empty() ? repoRoot() : WorkDir);
  for (const std::string &A : Args)
    Cmd += " " + quote(A);
  Cmd += " >" + quote(Tmp + "/stdout") + " 2>" + quote(Tmp + "/stderr");
  int Status = std::system(Cmd.c_str());
  ToolRun R;
  R.ExitCode = WIFEXITED(Status) ? WEXITSTATUS(Status) : -1;
  R.Stdout = readFile(Tmp + "/stdout");
  R.Stderr = readFile(Tmp + "/stderr");
  if (WantSarif) {
    std::string Text = readFile(SarifPath);
    if (!Text.empty())
      R.Sarif = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
  }
  std::system(("rm -rf " + quote(Tmp)).c_str());
  return R;
}

static std::string percentDecode(const std::string &S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '%' && I + 2 < S.size()) {
      Out += static_cast<char>(std::stoi(S.substr(I + 1, 2), nullptr, 16));
      I += 2;
    } else {
      Out += S[I];
    }
  }
  return Out;
}

std::string resolveUri(const nlohmann::json &Sarif, const nlohmann::json &Loc) {
  std::string Uri = Loc.value("uri", "");
  std::string Base;
  if (Loc.contains("uriBaseId")) {
    const auto &Bases = Sarif["runs"][0]["originalUriBaseIds"];
    Base = Bases[Loc["uriBaseId"].get<std::string>()]["uri"].get<std::string>();
  }
  std::string Full = Base + Uri;
  if (Full.rfind("file://", 0) == 0)
    Full = Full.substr(7);
  return percentDecode(Full);
}

std::vector<SarifFinding> findingsOf(const nlohmann::json &Sarif) {
  std::vector<SarifFinding> Out;
  if (!Sarif.is_object())
    return Out;
  for (const auto &R : Sarif["runs"][0]["results"]) {
    SarifFinding F;
    F.RuleId = R["ruleId"];
    F.Message = R["message"]["text"];
    const auto &PL = R["locations"][0]["physicalLocation"];
    F.File = resolveUri(Sarif, PL["artifactLocation"]);
    F.Line = PL["region"]["startLine"];
    if (R.contains("codeFlows"))
      for (const auto &L : R["codeFlows"][0]["threadFlows"][0]["locations"]) {
        const auto &Loc = L["location"];
        F.Steps.push_back({resolveUri(Sarif, Loc["physicalLocation"]["artifactLocation"]),
                           Loc["message"]["text"], Loc["physicalLocation"]["region"]["startLine"]});
      }
    Out.push_back(std::move(F));
  }
  return Out;
}

std::vector<SarifNotification> notificationsOf(const nlohmann::json &Sarif) {
  std::vector<SarifNotification> Out;
  if (!Sarif.is_object())
    return Out;
  for (const auto &Inv : Sarif["runs"][0]["invocations"]) {
    if (!Inv.contains("toolExecutionNotifications"))
      continue;
    for (const auto &N : Inv["toolExecutionNotifications"]) {
      SarifNotification S;
      S.Id = N["descriptor"]["id"];
      S.Message = N["message"]["text"];
      S.Level = N["level"];
      if (N.contains("locations")) {
        const auto &PL = N["locations"][0]["physicalLocation"];
        S.File = resolveUri(Sarif, PL["artifactLocation"]);
        if (PL.contains("region"))
          S.Line = PL["region"]["startLine"];
      }
      Out.push_back(std::move(S));
    }
  }
  return Out;
}

} // namespace vmbcheck::test
