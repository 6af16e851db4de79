// Files a run reads besides the sources - configuration, baselines, SARIF to
// merge, compilation databases, response files - come from the repository
// under analysis or from CI, and are read only when they are regular files
// (symbolic links resolved first: no FIFO, device or directory, which could
// block the run or feed it without end) of at most a size limit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vmbcheck {

// The limit in bytes (--max-input-size, default 256 MiB).
uint64_t maxInputBytes();
void setMaxInputBytes(uint64_t Bytes);

// Empty when Path may be read; else why not, as one line naming the file
// and What ("drv/.vmbcheck.yaml: cannot read the configuration: not a
// regular file").
std::string checkInputFile(const std::string &Path, const std::string &What);

// The file's bytes, or nullopt with Error set (the same one-line form).
std::optional<std::string> readInputFile(const std::string &Path, const std::string &What,
                                         std::string &Error);

// Bytes as UTF-8 text: UTF-16 with a byte-order mark (what Windows tools
// often write) decoded, a UTF-8 byte-order mark dropped, anything else as it
// is; nullopt for a UTF-16 mark on bytes that are not UTF-16.
std::optional<std::string> decodeByteOrderMark(const std::string &Bytes);

// A parser's message about a file that is not a source, with whatever it
// quotes from that file left out ("unknown key 'password'" -> "unknown key
// '...'"): such files may hold anything, and messages end up in CI logs and
// uploaded SARIF.
std::string withoutQuotedContent(const std::string &Message);

// A JSON text nested deeper than MaxDepth arrays and objects is refused
// before any parser sees it: parsers and destructors recurse per level, and
// a file of a few megabytes of '[' would exhaust the stack. Returns "" or
// the reason.
std::string jsonNestingProblem(const std::string &Text, unsigned MaxDepth = 512);

} // namespace vmbcheck
