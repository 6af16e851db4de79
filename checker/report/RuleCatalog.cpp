#include "report/RuleCatalog.h"
#include "report/Embedded.h"

#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <functional>

namespace vmbcheck {

bool RuleCatalog::parse(llvm::StringRef Json, RuleCatalog &Out,
                        std::string &Error) {
  nlohmann::json Doc = nlohmann::json::parse(Json.begin(), Json.end(), nullptr,
                                             /*allow_exceptions=*/false);
  if (Doc.is_discarded() || !Doc.contains("rules") || !Doc["rules"].is_array()) {
    Error = "rules.json: expected an object with a \"rules\" array";
    return false;
  }
  for (const auto &R : Doc["rules"]) {
    RuleInfo Info;
    try {
      Info.Id = R.at("id").get<std::string>();
      Info.Name = R.at("name").get<std::string>();
      Info.ShortDescription = R.at("shortDescription").get<std::string>();
      Info.FullDescription = R.at("fullDescription").get<std::string>();
      Info.Level = R.at("level").get<std::string>();
      Info.Help = R.at("help").get<std::string>();
      Info.CodeAnalysis = R.value("codeAnalysis", std::vector<unsigned>{});
      Info.Tags = R.value("tags", std::vector<std::string>{});
      Info.Precision = R.value("precision", std::string("high"));
      Info.SecuritySeverity = R.value("securitySeverity", std::string());
    } catch (const nlohmann::json::exception &E) {
      Error = std::string("rules.json: ") + E.what();
      return false;
    }
    if (Info.Level != "error" && Info.Level != "warning" && Info.Level != "note") {
      Error = "rules.json: rule " + Info.Id + " has level '" + Info.Level +
              "' (expected error, warning or note)";
      return false;
    }
    Info.DocPath = "rules/docs/" + Info.Id + ".md";
    if (auto Doc = embedded::find(Info.DocPath))
      Info.HelpMarkdown = Doc->str();
    Out.Rules.push_back(std::move(Info));
  }
  return true;
}

const RuleCatalog &RuleCatalog::builtin() {
  static const RuleCatalog Catalog = [] {
    RuleCatalog C;
    std::string Error;
    auto Json = embedded::find("rules/rules.json");
    if (!Json || !parse(*Json, C, Error)) {
      llvm::errs() << "vmbcheck: internal error: "
                   << (Json ? Error : "rules/rules.json not embedded") << "\n";
      std::abort();
    }
    return C;
  }();
  return Catalog;
}

const RuleInfo *RuleCatalog::find(llvm::StringRef Id) const {
  int I = indexOf(Id);
  return I < 0 ? nullptr : &Rules[I];
}

int RuleCatalog::indexOf(llvm::StringRef Id) const {
  for (size_t I = 0; I < Rules.size(); ++I)
    if (Rules[I].Id == Id)
      return static_cast<int>(I);
  return -1;
}

bool matchesGlobs(llvm::StringRef Globs, llvm::StringRef RuleId) {
  bool Enabled = false;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Parts) {
    G = G.trim();
    bool Negative = G.consume_front("-");
    // '*' matches any run of characters; everything else literally.
    std::function<bool(llvm::StringRef, llvm::StringRef)> Match = [&](llvm::StringRef P,
                                                                       llvm::StringRef S) {
      if (P.empty())
        return S.empty();
      if (P.front() == '*')
        return Match(P.drop_front(), S) || (!S.empty() && Match(P, S.drop_front()));
      return !S.empty() && std::toupper((unsigned char)P.front()) ==
                               std::toupper((unsigned char)S.front()) &&
             Match(P.drop_front(), S.drop_front());
    };
    if (Match(G, RuleId))
      Enabled = !Negative;
  }
  return Enabled;
}

} // namespace vmbcheck
