#include "report/GitProvenance.h"

#include "report/InputFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdio>

namespace vmbcheck {

using llvm::StringRef;

static std::optional<std::string> readSmall(const std::string &Path) {
  if (!llvm::sys::fs::is_regular_file(Path))
    return std::nullopt;
  std::string Error;
  return readInputFile(Path, "a git file", Error);
}

static std::string joinPath(StringRef Base, StringRef Rel) {
  if (llvm::sys::path::is_absolute(Rel))
    return Rel.str();
  llvm::SmallString<256> P(Base);
  llvm::sys::path::append(P, Rel);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return P.str().str();
}

static bool isObjectId(StringRef S) {
  return (S.size() == 40 || S.size() == 64) &&
         llvm::all_of(S, [](char C) { return llvm::isHexDigit(C) && !llvm::isUpper(C); });
}

// A ref name git itself would write: under refs/, no `..`, no control
// characters (it becomes a path below the git directory).
static bool isRefName(StringRef S) {
  return S.starts_with("refs/") && !S.contains("..") && !S.contains("\\") &&
         llvm::all_of(S, [](char C) { return static_cast<unsigned char>(C) > 0x20; });
}

static std::string percentEncode(StringRef S) {
  std::string Out;
  for (unsigned char C : S) {
    if (llvm::isAlnum(C) || StringRef("-._~/").contains(C)) {
      Out += static_cast<char>(C);
    } else {
      char Buf[4];
      snprintf(Buf, sizeof Buf, "%%%02X", C);
      Out += Buf;
    }
  }
  return Out;
}

namespace {
struct GitDirs {
  std::string GitDir;    // HEAD and this work tree's own refs
  std::string CommonDir; // config, shared refs, packed-refs
};
} // namespace

// `.git` is the git directory, or a file `gitdir: <path>` (linked work
// trees, submodules); a linked work tree's git directory names the shared
// one in `commondir`.
static std::optional<GitDirs> gitDirsOf(const std::string &WorkTree) {
  std::string Dot = joinPath(WorkTree, ".git");
  GitDirs D;
  if (llvm::sys::fs::is_directory(Dot)) {
    D.GitDir = Dot;
  } else if (auto Text = readSmall(Dot)) {
    StringRef T = StringRef(*Text).trim();
    if (!T.consume_front("gitdir:"))
      return std::nullopt;
    D.GitDir = joinPath(WorkTree, T.trim());
  } else {
    return std::nullopt;
  }
  D.CommonDir = D.GitDir;
  if (auto Common = readSmall(joinPath(D.GitDir, "commondir")))
    D.CommonDir = joinPath(D.GitDir, StringRef(*Common).trim());
  if (!llvm::sys::fs::is_directory(D.GitDir) || !llvm::sys::fs::is_directory(D.CommonDir))
    return std::nullopt;
  return D;
}

static std::string resolveRef(const GitDirs &D, std::string Ref) {
  for (int Depth = 0; Depth < 8 && isRefName(Ref); ++Depth) {
    std::optional<std::string> Loose = readSmall(joinPath(D.GitDir, Ref));
    if (!Loose)
      Loose = readSmall(joinPath(D.CommonDir, Ref));
    if (!Loose)
      break;
    StringRef T = StringRef(*Loose).trim();
    if (isObjectId(T))
      return T.str();
    if (!T.consume_front("ref:"))
      return "";
    Ref = T.trim().str();
  }
  if (!isRefName(Ref))
    return "";
  auto Packed = readSmall(joinPath(D.CommonDir, "packed-refs"));
  if (!Packed)
    return "";
  llvm::SmallVector<StringRef> Lines;
  StringRef(*Packed).split(Lines, '\n');
  for (StringRef Line : Lines) {
    auto [Id, Name] = Line.trim().split(' ');
    if (Name.trim() == Ref && isObjectId(Id))
      return Id.str();
  }
  return "";
}

// The first `url` of `[remote "origin"]`, as git reads it: section names
// case-insensitive, the subsection exact, comments after '#' or ';'.
static std::string originUrl(const std::string &Config) {
  llvm::SmallVector<StringRef> Lines;
  StringRef(Config).split(Lines, '\n');
  bool InOrigin = false;
  for (StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.starts_with("[")) {
      StringRef Header = Line.drop_front().split(']').first.trim();
      auto [Section, Sub] = Header.split(' ');
      InOrigin = Section.equals_insensitive("remote") && Sub.trim() == "\"origin\"";
      continue;
    }
    if (!InOrigin)
      continue;
    auto [Key, Value] = Line.split('=');
    if (!Key.trim().equals_insensitive("url"))
      continue;
    Value = Value.trim();
    if (Value.starts_with("\"")) {
      Value = Value.drop_front().split('"').first;
    } else {
      size_t Comment = Value.find_first_of("#;");
      Value = Value.take_front(Comment).trim();
    }
    return Value.str();
  }
  return "";
}

std::string publishableRemoteUri(const std::string &Url, const std::string &WorkTree) {
  StringRef U(Url);
  if (U.empty() || llvm::any_of(U, [](char C) { return static_cast<unsigned char>(C) < 0x20; }))
    return "";
  size_t Scheme = U.find("://");
  if (Scheme != StringRef::npos && Scheme > 0 &&
      llvm::all_of(U.take_front(Scheme), [](char C) {
        return llvm::isAlnum(C) || C == '+' || C == '-' || C == '.';
      })) {
    StringRef Rest = U.drop_front(Scheme + 3);
    StringRef Authority = Rest.take_until([](char C) { return C == '/'; });
    size_t At = Authority.rfind('@');
    if (At != StringRef::npos) // user:token@host -> host
      Rest = Rest.drop_front(At + 1);
    return U.take_front(Scheme + 3).str() + Rest.str();
  }
  // scp-like: [user@]host:path, where host has no '/' before the ':'.
  size_t Colon = U.find(':');
  size_t Slash = U.find('/');
  if (Colon != StringRef::npos && Colon > 0 && (Slash == StringRef::npos || Colon < Slash)) {
    StringRef Host = U.take_front(Colon);
    size_t At = Host.rfind('@');
    if (At != StringRef::npos)
      Host = Host.drop_front(At + 1);
    StringRef Path = U.drop_front(Colon + 1);
    if (Host.empty())
      return "";
    return "ssh://" + Host.str() + (Path.starts_with("/") ? "" : "/") + Path.str();
  }
  // A local path, relative to the work tree as git takes it.
  return "file://" + percentEncode(joinPath(WorkTree, U));
}

std::optional<GitProvenance> readGitProvenance(const std::string &Dir) {
  llvm::SmallString<256> Start(Dir);
  if (llvm::sys::fs::real_path(Dir, Start))
    return std::nullopt;
  for (StringRef P = Start; !P.empty(); P = llvm::sys::path::parent_path(P)) {
    if (!llvm::sys::fs::exists(joinPath(P, ".git")))
      continue;
    auto D = gitDirsOf(P.str());
    if (!D)
      return std::nullopt;
    GitProvenance G;
    G.WorkTree = P.str();
    auto Head = readSmall(joinPath(D->GitDir, "HEAD"));
    if (!Head)
      return std::nullopt;
    StringRef H = StringRef(*Head).trim();
    if (isObjectId(H)) {
      G.RevisionId = H.str();
    } else if (H.consume_front("ref:")) {
      std::string Ref = H.trim().str();
      G.RevisionId = resolveRef(*D, Ref);
      if (StringRef(Ref).starts_with("refs/heads/"))
        G.Branch = Ref.substr(strlen("refs/heads/"));
    }
    if (auto Config = readSmall(joinPath(D->CommonDir, "config")))
      G.RepositoryUri = publishableRemoteUri(originUrl(*Config), G.WorkTree);
    if (G.RepositoryUri.empty())
      G.RepositoryUri = "file://" + percentEncode(G.WorkTree) + "/";
    return G;
  }
  return std::nullopt;
}

} // namespace vmbcheck
