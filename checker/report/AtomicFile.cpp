#include "report/AtomicFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vmbcheck {

namespace {

std::string errnoText(int E) { return std::strerror(E); }

// The mode a new file gets from open(0666): what the umask leaves.
mode_t defaultMode() {
  mode_t Mask = umask(0);
  umask(Mask);
  return 0666 & ~Mask;
}

bool writeAll(int FD, llvm::StringRef Content, int &Err) {
  const char *P = Content.data();
  size_t Left = Content.size();
  while (Left > 0) {
    ssize_t N = ::write(FD, P, Left);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      Err = errno;
      return false;
    }
    P += N;
    Left -= size_t(N);
  }
  return true;
}

} // namespace

bool writeFileAtomically(const std::string &Path, llvm::StringRef Content, std::string &Error) {
  // A file-size limit (ulimit -f) would kill the process with SIGXFSZ in the
  // middle of the write; ignored, the write fails with EFBIG instead and
  // the target stays intact.
  std::signal(SIGXFSZ, SIG_IGN);
  llvm::SmallString<256> Dir(Path);
  llvm::sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  struct stat Target;
  bool Exists = ::stat(Path.c_str(), &Target) == 0;
  if (Exists && !S_ISREG(Target.st_mode)) {
    Error = Path + ": cannot write: not a regular file";
    return false;
  }
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Path).str() +
                                     ".vmbcheck-%%%%%%%%.tmp");
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp)) {
    Error = Path + ": cannot write: " + EC.message();
    return false;
  }
  int Err = 0;
  mode_t Mode = Exists ? (Target.st_mode & 07777) : defaultMode();
  bool Ok = writeAll(FD, Content, Err) && (::fchmod(FD, Mode) == 0 || (Err = errno, false)) &&
            (::fsync(FD) == 0 || (Err = errno, false));
  if (::close(FD) != 0 && Ok) {
    Ok = false;
    Err = errno;
  }
  if (Ok && ::rename(Temp.c_str(), Path.c_str()) != 0) {
    Ok = false;
    Err = errno;
  }
  if (!Ok) {
    ::unlink(Temp.c_str());
    Error = Path + ": cannot write: " + errnoText(Err);
  }
  return Ok;
}

bool sameFile(const std::string &A, const std::string &B) {
  struct stat SA, SB;
  return ::stat(A.c_str(), &SA) == 0 && ::stat(B.c_str(), &SB) == 0 && SA.st_dev == SB.st_dev &&
         SA.st_ino == SB.st_ino;
}

std::string outputIsAnInput(const std::string &Output, llvm::ArrayRef<std::string> Inputs) {
  for (const std::string &In : Inputs)
    if (sameFile(Output, In))
      return In;
  return "";
}

} // namespace vmbcheck
