// The result model shared by every stage: what a rule found, where, and why.
// Plain data (no Clang types), so results can cross threads and translation
// units and be written as text or SARIF after the ASTs are gone.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vmbcheck {

// A 1-based source position. EndColumn is exclusive, as in SARIF regions.
struct SourceSpan {
  std::string File; // absolute, normalised path
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned EndLine = 0;
  unsigned EndColumn = 0;
  bool valid() const { return !File.empty() && Line > 0; }
};

// One step of the path that breaks a rule ("Assuming 'SaveBufSize' is 0").
struct PathStep {
  SourceSpan Where;
  std::string Message;
  unsigned Depth = 0; // call nesting: 0 in the callback, 1 in a callee, ...
};

// A text edit that fixes a finding: replace [Offset, Offset+Length) of File.
struct TextEdit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Replacement;
  SourceSpan Where; // the replaced range, for SARIF
  // Digest of the file's bytes as they were analysed (contentDigest): --fix
  // refuses to edit a file that has changed since.
  std::string Digest;
};

// A short digest of a file's content (xxh3, hex).
std::string contentDigest(llvm::StringRef Bytes);

struct FixIt {
  std::string Description;
  std::vector<TextEdit> Edits;
};

struct Finding {
  std::string RuleId;   // "VMB003"
  std::string Level;    // "error", "warning" or "note" (configuration applied)
  std::string Message;  // one sentence, no trailing rule id
  SourceSpan Where;
  std::string Function; // the save callback whose analysis found it
  std::string LineText; // text of Where.Line, for snippets and fingerprints
  std::vector<PathStep> Steps;
  std::vector<FixIt> Fixes;
  // Set after the analysis (Run.cpp):
  std::string Fingerprint;   // "<line hash>:<occurrence>", stable across edits
  std::string Suppression;   // the comment or pragma that suppresses it, if any
  std::string BaselineState; // "new" when compared with a baseline
};

// Something the tool could not do: a file that did not parse, a callback that
// was not (fully) analysed. Never silent: these reach text, SARIF and the
// exit code.
struct Notification {
  enum class Severity { Error, Warning, Note };
  Severity Level = Severity::Error;
  std::string Id;      // stable descriptor id, e.g. "parse-error"
  std::string Message; // one line, names the file and the cause
  SourceSpan Where;    // File always set; Line may be 0
};

// Everything one translation unit produced.
struct FileResult {
  std::string File;
  std::vector<Finding> Findings;
  std::vector<Notification> Notifications;
  // False when the file, or a callback in it, could not be completely
  // analysed; drives exit code 2 and SARIF executionSuccessful.
  bool Complete = true;
};

} // namespace vmbcheck
