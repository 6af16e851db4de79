#include "report/Baseline.h"
#include "report/InputFile.h"
#include "report/SarifWriter.h"

#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

namespace vmbcheck {

std::optional<Baseline> Baseline::load(const std::string &Path, std::string &Error) {
  auto Bytes = readInputFile(Path, "the baseline", Error);
  if (!Bytes)
    return std::nullopt;
  if (std::string Deep = jsonNestingProblem(*Bytes); !Deep.empty()) {
    Error = Path + ": not a SARIF log: " + Deep;
    return std::nullopt;
  }
  llvm::StringRef Text = *Bytes;
  auto Doc = nlohmann::json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded() || !Doc.contains("runs") || !Doc["runs"].is_array()) {
    Error = Path + ": not a SARIF log";
    return std::nullopt;
  }
  Baseline B;
  for (const auto &Run : Doc["runs"])
    for (const auto &R : Run.value("results", nlohmann::json::array())) {
      try {
        std::string Uri = R.at("locations").at(0).at("physicalLocation").at("artifactLocation")
                              .at("uri").get<std::string>();
        B.Known.emplace(R.at("ruleId").get<std::string>(), Uri,
                        R.at("partialFingerprints").at("primaryLocationLineHash").get<std::string>());
      } catch (const nlohmann::json::exception &) {
        Error = Path + ": a result lacks ruleId, location or primaryLocationLineHash";
        return std::nullopt;
      }
    }
  return B;
}

void Baseline::classify(std::vector<FileResult> &Files, const std::string &SourceRoot) const {
  for (FileResult &R : Files)
    for (Finding &F : R.Findings) {
      bool Relative = false;
      std::string Uri = artifactUri(F.Where.File, SourceRoot, Relative);
      F.BaselineState = Known.count({F.RuleId, Uri, F.Fingerprint}) ? "unchanged" : "new";
    }
}

} // namespace vmbcheck
