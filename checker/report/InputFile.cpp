#include "report/InputFile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace vmbcheck {

namespace {
std::atomic<uint64_t> Limit{256ull * 1024 * 1024};

std::string mib(uint64_t Bytes) {
  return Bytes % (1024 * 1024) == 0 ? std::to_string(Bytes / (1024 * 1024)) + " MiB"
                                    : std::to_string(Bytes) + " bytes";
}
} // namespace

uint64_t maxInputBytes() { return Limit; }
void setMaxInputBytes(uint64_t Bytes) { Limit = Bytes; }

std::string checkInputFile(const std::string &Path, const std::string &What) {
  struct stat St;
  std::string Prefix = Path + ": cannot read " + What + ": ";
  if (::stat(Path.c_str(), &St) != 0) // follows symbolic links
    return Prefix + std::strerror(errno);
  if (S_ISDIR(St.st_mode))
    return Prefix + "is a directory";
  if (!S_ISREG(St.st_mode))
    return Prefix + "not a regular file (a FIFO, socket or device is never read)";
  if (uint64_t(St.st_size) > maxInputBytes())
    return Prefix + "larger than " + mib(maxInputBytes()) + " (--max-input-size)";
  return "";
}

std::optional<std::string> decodeByteOrderMark(const std::string &Bytes) {
  llvm::StringRef B = Bytes;
  std::string Text;
  if (B.starts_with("\xFF\xFE") || B.starts_with("\xFE\xFF")) {
    if (B.size() % 2 != 0 || !llvm::convertUTF16ToUTF8String(llvm::ArrayRef<char>(B.data(), B.size()), Text))
      return std::nullopt;
  } else {
    Text = Bytes;
  }
  if (llvm::StringRef(Text).starts_with("\xEF\xBB\xBF"))
    Text.erase(0, 3);
  return Text;
}

std::optional<std::string> readInputFile(const std::string &Path, const std::string &What,
                                         std::string &Error) {
  Error = checkInputFile(Path, What);
  if (!Error.empty())
    return std::nullopt;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    Error = Path + ": cannot read " + What + ": " + Buffer.getError().message();
    return std::nullopt;
  }
  // The file may have grown between the check and the read.
  if ((*Buffer)->getBufferSize() > maxInputBytes()) {
    Error = Path + ": cannot read " + What + ": larger than the limit (--max-input-size)";
    return std::nullopt;
  }
  return (*Buffer)->getBuffer().str();
}

std::string withoutQuotedContent(const std::string &Message) {
  // From the first quote to the last of the same kind: doubled or nested
  // quotes ("\"key\"") stay inside.
  size_t First = Message.find_first_of("'\"");
  if (First == std::string::npos)
    return Message;
  size_t Last = Message.rfind(Message[First]);
  if (Last == First)
    return Message.substr(0, First + 1) + "...";
  return Message.substr(0, First + 1) + "..." + Message.substr(Last);
}

std::string jsonNestingProblem(const std::string &Text, unsigned MaxDepth) {
  unsigned Depth = 0;
  bool InString = false, Escaped = false;
  for (char C : Text) {
    if (InString) {
      if (Escaped)
        Escaped = false;
      else if (C == '\\')
        Escaped = true;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{') {
      if (++Depth > MaxDepth)
        return "nested deeper than " + std::to_string(MaxDepth) + " levels";
    } else if ((C == ']' || C == '}') && Depth > 0)
      --Depth;
  }
  return "";
}

} // namespace vmbcheck
