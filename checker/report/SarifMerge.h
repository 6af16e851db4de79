// `vmbcheck merge a.sarif b.sarif ... -o all.sarif`: joins the logs of the
// shards of one analysis (--shard=K/N) into a single run, ordered as one
// run over all files would be.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vmbcheck {

// Logs must come from the same vmbcheck version and source root. On error
// returns false and sets Error.
// Names: the file of each log, for errors ("shard-1.sarif: a result without
// locations"). Logs of any shape are refused with such a line, never merged
// half-way.
bool mergeSarif(const std::vector<nlohmann::json> &Logs, const std::vector<std::string> &Names,
                nlohmann::json &Out, std::string &Error);

} // namespace vmbcheck
