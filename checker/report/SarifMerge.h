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
bool mergeSarif(const std::vector<nlohmann::json> &Logs, nlohmann::json &Out, std::string &Error);

} // namespace vmbcheck
