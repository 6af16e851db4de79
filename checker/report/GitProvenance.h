// Which commit of which repository the analysed sources are, for SARIF
// versionControlProvenance (GitHub and Azure DevOps link results to it).
// Read from the files of the .git directory, never by running git: the
// repository is untrusted input (its config can name programs git would run).
#pragma once

#include <optional>
#include <string>

namespace vmbcheck {

struct GitProvenance {
  std::string WorkTree;      // absolute directory holding `.git`
  std::string RepositoryUri; // remote 'origin' (credentials removed), else file:// of WorkTree
  std::string RevisionId;    // the commit HEAD names; empty in a repository without commits
  std::string Branch;        // empty when HEAD is detached
};

// The git work tree that holds Dir (Dir itself or its nearest ancestor with
// a `.git` directory or `gitdir:` file), or nullopt when there is none or its
// git directory cannot be read.
std::optional<GitProvenance> readGitProvenance(const std::string &Dir);

// A remote URL as it may be published: user names and passwords (tokens)
// removed, scp-like `git@host:path` as `ssh://host/path`, a local path as a
// file:// URI. Empty when it is none of these.
std::string publishableRemoteUri(const std::string &Url, const std::string &WorkTree);

} // namespace vmbcheck
