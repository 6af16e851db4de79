#include "frontend/MessageTextHeader.h"

#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>

namespace vmbcheck {

namespace {

// A name the header may define: a C identifier of sane length.
bool isIdentifier(llvm::StringRef S) { return S.size() < 256 && clang::isValidAsciiIdentifier(S); }

std::optional<uint64_t> number(llvm::StringRef S) {
  uint64_t V = 0;
  if (S.trim().getAsInteger(0, V))
    return std::nullopt;
  return V;
}

class Writer {
public:
  std::string run(llvm::StringRef Text) {
    llvm::SmallVector<llvm::StringRef, 0> Lines;
    Text.split(Lines, '\n');
    for (llvm::StringRef Line : Lines) {
      Line = Line.rtrim("\r");
      if (InText) {
        if (Line.trim() == ".")
          InText = false;
        continue;
      }
      if (Pending.empty() && Line.starts_with(";")) {
        Out += Line.drop_front().str() + "\n";
        continue;
      }
      Pending += " " + Line.str();
      // A (...) list may go on over several lines.
      if (std::count(Pending.begin(), Pending.end(), '(') >
          std::count(Pending.begin(), Pending.end(), ')'))
        continue;
      assignments(Pending);
      Pending.clear();
    }
    return Out;
  }

private:
  struct Message {
    std::string Id, Severity, Facility, Symbol;
    bool Open = false;
  };

  std::string Out, Pending, Typedef;
  bool InText = false;
  std::map<std::string, uint64_t> Severities{{"success", 0}, {"informational", 1}, {"warning", 2}, {"error", 3}};
  std::map<std::string, uint64_t> Facilities{{"system", 0xFF}, {"application", 0xFFF}};
  std::map<uint64_t, uint64_t> LastCode; // per facility
  uint64_t Severity = 0, Facility = 0;
  Message Current;

  // "Key=Value Key=(a=1:SYM b=2) ..." on one (joined) line.
  void assignments(llvm::StringRef S) {
    while (true) {
      S = S.ltrim();
      size_t Eq = S.find('=');
      if (S.empty() || Eq == llvm::StringRef::npos)
        return;
      std::string Key = S.take_front(Eq).trim().lower();
      S = S.drop_front(Eq + 1).ltrim();
      llvm::StringRef Value;
      if (S.starts_with("(")) {
        size_t Close = S.find(')');
        Value = S.slice(1, Close);
        S = Close == llvm::StringRef::npos ? "" : S.drop_front(Close + 1);
      } else {
        size_t End = S.find_first_of(" \t");
        Value = S.take_front(End);
        if (Value.contains('=')) // "MessageId= Severity=Error": no value
          Value = "";
        else
          S = End == llvm::StringRef::npos ? "" : S.drop_front(End);
      }
      assign(Key, Value.trim());
    }
  }

  void assign(const std::string &Key, llvm::StringRef Value) {
    if (Key == "messageidtypedef")
      Typedef = isIdentifier(Value) ? Value.str() : "";
    else if (Key == "severitynames")
      names(Value, Severities);
    else if (Key == "facilitynames")
      names(Value, Facilities);
    else if (Key == "messageid") {
      Current = Message();
      Current.Id = Value.str();
      Current.Open = true;
    } else if (Key == "severity")
      Current.Severity = Value.lower();
    else if (Key == "facility")
      Current.Facility = Value.lower();
    else if (Key == "symbolicname")
      Current.Symbol = Value.str();
    else if (Key == "language" && Current.Open) {
      define(Current);
      Current.Open = false;
      InText = true;
    } else if (Key == "language")
      InText = true;
  }

  // "Name=0x1:SYMBOL Name2=0x2": the values, and a #define per symbol.
  void names(llvm::StringRef List, std::map<std::string, uint64_t> &Table) {
    llvm::SmallVector<llvm::StringRef, 8> Items;
    List.split(Items, ' ', -1, false);
    for (llvm::StringRef Item : Items) {
      Item = Item.trim();
      auto [Name, Rest] = Item.split('=');
      auto [Value, Symbol] = Rest.split(':');
      std::optional<uint64_t> V = number(Value);
      if (!V || !isIdentifier(Name))
        continue;
      Table[Name.lower()] = *V;
      if (isIdentifier(Symbol))
        Out += "#define " + Symbol.str() + " 0x" + llvm::utohexstr(*V) + "\n";
    }
  }

  void define(const Message &M) {
    if (!M.Severity.empty() && Severities.count(M.Severity))
      Severity = Severities[M.Severity];
    if (!M.Facility.empty() && Facilities.count(M.Facility))
      Facility = Facilities[M.Facility];
    uint64_t Code;
    llvm::StringRef Id = llvm::StringRef(M.Id).trim();
    if (Id.empty())
      Code = LastCode.count(Facility) ? LastCode[Facility] + 1 : 1;
    else if (Id.starts_with("+"))
      Code = (LastCode.count(Facility) ? LastCode[Facility] : 0) + number(Id.drop_front()).value_or(1);
    else
      Code = number(Id).value_or(LastCode.count(Facility) ? LastCode[Facility] + 1 : 1);
    LastCode[Facility] = Code;
    if (!isIdentifier(M.Symbol))
      return;
    uint32_t Value = static_cast<uint32_t>(((Severity & 3) << 30) | ((Facility & 0xFFF) << 16) | (Code & 0xFFFF));
    std::string Hex;
    llvm::raw_string_ostream(Hex) << llvm::format("0x%08X", Value) << "L";
    Out += "//\n// MessageId: " + M.Symbol + "\n//\n#define " + M.Symbol + " " +
           (Typedef.empty() ? Hex : "((" + Typedef + ")" + Hex + ")") + "\n";
  }
};

} // namespace

std::string messageTextHeader(llvm::StringRef Text) { return Writer().run(Text); }

} // namespace vmbcheck
