#include "cli/CaseInsensitiveFileSystem.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

#include <optional>

namespace vmbcheck {
namespace {

class CaseInsensitiveFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  using ProxyFileSystem::ProxyFileSystem;

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto St = ProxyFileSystem::status(Path);
    if (St || St.getError() != std::errc::no_such_file_or_directory)
      return St;
    std::optional<std::string> Real = resolve(Path.str());
    if (!Real)
      return St;
    auto Found = ProxyFileSystem::status(*Real);
    if (!Found)
      return St;
    // Under the name it was asked for, as a real file system answers.
    return llvm::vfs::Status::copyWithNewName(*Found, Path.str());
  }

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto F = ProxyFileSystem::openFileForRead(Path);
    if (F || F.getError() != std::errc::no_such_file_or_directory)
      return F;
    std::optional<std::string> Real = resolve(Path.str());
    if (!Real)
      return F;
    return ProxyFileSystem::openFileForRead(*Real);
  }

private:
  // Lower-cased name -> name as on disk, per directory as on disk; a
  // directory that cannot be listed maps to an empty listing.
  llvm::StringMap<llvm::StringMap<std::string>> Listings;
  // Directory as asked for -> as on disk (nothing: no such directory).
  llvm::StringMap<std::optional<std::string>> Directories;

  const llvm::StringMap<std::string> &listing(const std::string &Dir) {
    auto [It, Inserted] = Listings.try_emplace(Dir);
    if (Inserted) {
      std::error_code EC;
      for (auto I = ProxyFileSystem::dir_begin(Dir, EC), End = llvm::vfs::directory_iterator();
           !EC && I != End; I.increment(EC)) {
        llvm::StringRef Name = llvm::sys::path::filename(I->path());
        // Two names that differ only in case: the first one listed wins
        // (Windows could not have both).
        It->second.try_emplace(Name.lower(), Name.str());
      }
    }
    return It->second;
  }

  // The existing path that Path names without regard to case.
  std::optional<std::string> resolve(std::string Path) {
    llvm::SmallString<256> Abs(Path);
    if (makeAbsolute(Abs))
      return std::nullopt;
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return resolveAbsolute(Abs.str().str(), 0);
  }

  std::optional<std::string> resolveAbsolute(const std::string &Path, unsigned Depth) {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Path);
    llvm::StringRef Name = llvm::sys::path::filename(Path);
    if (Parent.empty() || Name.empty() || Parent == Path || Depth > 64)
      return std::nullopt;
    if (!Directories.count(Parent)) {
      std::optional<std::string> Real; // computed first: the recursion inserts
      auto ParentStatus = ProxyFileSystem::status(Parent);
      if (ParentStatus && ParentStatus->isDirectory())
        Real = Parent.str();
      else if (!ParentStatus)
        Real = resolveAbsolute(Parent.str(), Depth + 1);
      Directories[Parent] = Real;
    }
    std::optional<std::string> RealParentDir = Directories.lookup(Parent);
    if (!RealParentDir)
      return std::nullopt;
    std::string RealParent = *RealParentDir;
    const llvm::StringMap<std::string> &Names = listing(RealParent);
    auto It = Names.find(Name.lower());
    if (It == Names.end())
      return std::nullopt;
    llvm::SmallString<256> Real(RealParent);
    llvm::sys::path::append(Real, It->second);
    return Real.str().str();
  }
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeCaseInsensitive(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base) {
  return llvm::makeIntrusiveRefCnt<CaseInsensitiveFileSystem>(std::move(Base));
}

} // namespace vmbcheck
