#include "frontend/WmiMofHeader.h"

#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace vmbcheck {

namespace {

struct Token {
  enum Kind { Identifier, Number, String, Punctuation } K;
  std::string Text;
};

constexpr size_t MaxTokens = 1 << 20;

std::vector<Token> tokenize(llvm::StringRef S) {
  std::vector<Token> Out;
  size_t I = 0;
  while (I < S.size() && Out.size() < MaxTokens) {
    char C = S[I];
    if (llvm::isSpace(C)) {
      ++I;
    } else if (S.substr(I).starts_with("//") || C == '#') { // comments, #pragma
      I = S.find('\n', I);
    } else if (S.substr(I).starts_with("/*")) {
      size_t End = S.find("*/", I + 2);
      I = End == llvm::StringRef::npos ? End : End + 2;
    } else if (C == '"' || C == '\'') {
      std::string Text;
      for (++I; I < S.size() && S[I] != C; ++I) {
        if (S[I] == '\\' && I + 1 < S.size())
          ++I;
        Text += S[I];
      }
      ++I;
      Out.push_back({Token::String, Text});
    } else if (llvm::isAlpha(C) || C == '_' || llvm::isDigit(C)) {
      size_t Start = I;
      while (I < S.size() && (llvm::isAlnum(S[I]) || S[I] == '_'))
        ++I;
      Out.push_back({llvm::isDigit(C) ? Token::Number : Token::Identifier, S.slice(Start, I).str()});
    } else {
      Out.push_back({Token::Punctuation, std::string(1, C)});
      ++I;
    }
    if (I == llvm::StringRef::npos)
      break;
  }
  return Out;
}

// A name the header may define: a C identifier of sane length.
bool isIdentifier(llvm::StringRef S) { return S.size() < 256 && clang::isValidAsciiIdentifier(S); }

// MOF data types with a fixed size, as wmimofck declares them.
const std::map<std::string, std::string> &fixedTypes() {
  static const std::map<std::string, std::string> Types = {
      {"boolean", "BOOLEAN"}, {"sint8", "CHAR"},       {"uint8", "UCHAR"},      {"char16", "WCHAR"},
      {"sint16", "SHORT"},    {"uint16", "USHORT"},    {"sint32", "LONG"},      {"uint32", "ULONG"},
      {"sint64", "LONGLONG"}, {"uint64", "ULONGLONG"}, {"real32", "FLOAT"},     {"real64", "DOUBLE"},
      {"datetime", "WCHAR"}};
  return Types;
}

struct Property {
  std::string Type, Name;
  unsigned Id = 0;
  std::optional<unsigned> Count; // array elements; nullopt: not an array
  bool Flexible = false;         // an array sized by another item
  bool Variable = false;         // no fixed size
};

struct Method {
  std::string Name, Id;
  std::vector<Property> In, Out; // [in] and [out] parameters
};

class Reader {
public:
  explicit Reader(std::vector<Token> T) : Toks(std::move(T)) {}

  std::string run() {
    while (P < Toks.size()) {
      std::map<std::string, std::string> Q;
      if (is("["))
        Q = qualifiers();
      if (P < Toks.size() && Toks[P].K == Token::Identifier && llvm::StringRef(Toks[P].Text).equals_insensitive("class"))
        readClass(Q);
      else if (P < Toks.size())
        ++P;
    }
    return Out;
  }

private:
  std::vector<Token> Toks;
  size_t P = 0;
  std::string Out;
  std::set<std::string> Structs; // classes given a struct, for embedded objects

  bool is(llvm::StringRef Punct) const {
    return P < Toks.size() && Toks[P].K == Token::Punctuation && Toks[P].Text == Punct;
  }

  // Skips from an opening bracket to just past its match.
  void skipGroup() {
    int Depth = 0;
    do {
      if (Toks[P].K == Token::Punctuation) {
        char C = Toks[P].Text[0];
        Depth += C == '(' || C == '[' || C == '{';
        Depth -= C == ')' || C == ']' || C == '}';
      }
      ++P;
    } while (P < Toks.size() && Depth > 0);
  }

  // [Name, Name(Value), Name{...}, ...]: lower-case name -> first value.
  std::map<std::string, std::string> qualifiers() {
    std::map<std::string, std::string> Q;
    ++P; // [
    while (P < Toks.size() && !is("]")) {
      if (Toks[P].K != Token::Identifier) {
        if (is("(") || is("{") || is("["))
          skipGroup();
        else
          ++P;
        continue;
      }
      std::string Name = llvm::StringRef(Toks[P].Text).lower();
      ++P;
      std::string Value;
      if (is("(")) {
        if (P + 1 < Toks.size() && Toks[P + 1].K != Token::Punctuation)
          Value = Toks[P + 1].Text;
        skipGroup();
      } else if (is("{")) {
        skipGroup();
      }
      Q.emplace(Name, Value);
    }
    ++P; // ]
    return Q;
  }

  void skipPast(llvm::StringRef Punct) {
    while (P < Toks.size() && !is(Punct)) {
      if (is("(") || is("[") || is("{"))
        skipGroup();
      else if (is("}"))
        return; // the class ends: never run past it
      else
        ++P;
    }
    if (is(Punct))
      ++P;
  }

  // The type and name at P are a data item (property or method parameter)
  // with qualifiers MQ; reads its array suffix. Id 0: not a WMI data item.
  Property dataItem(std::map<std::string, std::string> &MQ, const std::string &Type,
                    const std::string &Name) {
    Property Prop;
    Prop.Type = Type;
    Prop.Name = Name;
    unsigned Id = 0;
    if (MQ.count("wmidataid") && !llvm::StringRef(MQ["wmidataid"]).getAsInteger(0, Id) &&
        isIdentifier(Name))
      Prop.Id = Id;
    std::string Lower = llvm::StringRef(Type).lower();
    unsigned MaxLen = 0;
    if (Lower == "string" && MQ.count("maxlen") &&
        !llvm::StringRef(MQ["maxlen"]).getAsInteger(0, MaxLen) && MaxLen > 0 && MaxLen < 65536) {
      // A string of at most MaxLen characters has a fixed place: WCHAR[MaxLen + 1].
      Prop.Type = Lower = "char16";
      Prop.Count = MaxLen + 1;
    }
    bool FixedType = fixedTypes().count(Lower) || Structs.count(Type);
    if (is("[")) {
      unsigned N = 0;
      if (P + 1 < Toks.size() && Toks[P + 1].K == Token::Number &&
          !llvm::StringRef(Toks[P + 1].Text).getAsInteger(0, N) && N > 0)
        Prop.Count = N;
      else if (MQ.count("max") && !llvm::StringRef(MQ["max"]).getAsInteger(0, N) && N > 0)
        Prop.Count = N;
      else
        Prop.Flexible = true; // WmiSizeIs("Count"): T Name[1], the last fixed item
      skipGroup();
    }
    if (Lower == "datetime")
      Prop.Count = 25; // WCHAR[25]
    if (!FixedType)
      Prop.Variable = true; // string, object, unknown
    return Prop;
  }

  void readClass(const std::map<std::string, std::string> &Q) {
    ++P; // class
    if (P >= Toks.size() || Toks[P].K != Token::Identifier)
      return;
    std::string Name = Toks[P++].Text;
    if (is(":"))
      P += 2;
    if (!is("{"))
      return;
    ++P;
    std::vector<Property> Props;
    std::vector<Method> Methods;
    while (P < Toks.size() && !is("}")) {
      size_t Before = P;
      std::map<std::string, std::string> MQ;
      if (is("["))
        MQ = qualifiers();
      if (P + 1 < Toks.size() && Toks[P].K == Token::Identifier && Toks[P + 1].K == Token::Identifier) {
        std::string Type = Toks[P].Text, Member = Toks[P + 1].Text;
        P += 2;
        if (is("(")) {
          Method M = readParameters();
          M.Name = Member;
          M.Id = MQ.count("wmimethodid") ? MQ["wmimethodid"] : "";
          if (isIdentifier(Member) && !M.Id.empty() && llvm::all_of(M.Id, llvm::isDigit))
            Methods.push_back(std::move(M));
        } else if (Property Prop = dataItem(MQ, Type, Member); Prop.Id > 0) {
          Props.push_back(Prop);
        }
      }
      skipPast(";");
      if (P == Before)
        ++P;
    }
    if (P < Toks.size())
      ++P; // }
    if (!isIdentifier(Name))
      return;
    Out += "// " + Name + "\n";
    if (auto G = Q.find("guid"); G != Q.end())
      emitGuid(Name, G->second);
    for (const Method &M : Methods) {
      Out += "#define " + M.Name + " " + M.Id + "\n";
      emitStruct(M.Name + "_IN", M.In);
      emitStruct(M.Name + "_OUT", M.Out);
    }
    emitStruct(Name, Props);
  }

  // ( [in, WmiDataId(1)] uint32 Value, [out, WmiDataId(2)] EC1 Result )
  Method readParameters() {
    Method M;
    unsigned Seq = 0;
    size_t End = P;
    { // the closing parenthesis, so that nothing past it is read
      size_t Save = P;
      skipGroup();
      End = P - 1;
      P = Save + 1;
    }
    while (P < End) {
      size_t Before = P;
      std::map<std::string, std::string> PQ;
      if (is("["))
        PQ = qualifiers();
      if (P + 1 < End && Toks[P].K == Token::Identifier && Toks[P + 1].K == Token::Identifier) {
        std::string Type = Toks[P].Text, Param = Toks[P + 1].Text;
        P += 2;
        Property Prop = dataItem(PQ, Type, Param);
        ++Seq;
        if (Prop.Id == 0 && isIdentifier(Param)) // numbered in order when not given
          Prop.Id = Seq;
        if (Prop.Id > 0 && PQ.count("in"))
          M.In.push_back(Prop);
        if (Prop.Id > 0 && PQ.count("out"))
          M.Out.push_back(Prop);
      }
      while (P < End && !is(","))
        ++P;
      if (P == Before || is(","))
        ++P;
    }
    P = End + 1;
    return M;
  }

  void emitStruct(const std::string &Name, std::vector<Property> Props) {
    if (Props.empty())
      return;
    std::stable_sort(Props.begin(), Props.end(),
                     [](const Property &A, const Property &B) { return A.Id < B.Id; });
    std::string Fields, Last;
    bool Fixed = true, Rest = false;
    for (const Property &Prop : Props) {
      std::string Prefix = Name + "_" + Prop.Name;
      Fixed = Fixed && !Prop.Variable;
      if (Fixed) {
        auto T = fixedTypes().find(llvm::StringRef(Prop.Type).lower());
        std::string Type = T != fixedTypes().end() ? T->second : Prop.Type;
        std::string Array = Prop.Count ? "[" + std::to_string(*Prop.Count) + "]" : Prop.Flexible ? "[1]" : "";
        Fields += "    " + Type + " " + Prop.Name + Array + ";\n";
        Fields += "    #define " + Prefix + "_SIZE sizeof(" + Type + Array + ")\n";
        Last = Prop.Name;
        Fixed = !Prop.Flexible; // what follows a flexible array has no fixed place
        Rest = Prop.Flexible;
      } else if (!Rest) {
        // wmimofck's place holder for the data of variable length.
        Fields += "    CHAR VariableData[1];\n";
        Rest = true;
      }
      Fields += "    #define " + Prefix + "_ID " + std::to_string(Prop.Id) + "\n";
    }
    Structs.insert(Name);
    Out += "typedef struct _" + Name + "\n{\n" + Fields + "} " + Name + ", *P" + Name + ";\n";
    if (Last.empty())
      Out += "#define " + Name + "_SIZE (FIELD_OFFSET(" + Name + ", VariableData))\n\n";
    else
      Out += "#define " + Name + "_SIZE (FIELD_OFFSET(" + Name + ", " + Last + ") + " + Name + "_" +
             Last + "_SIZE)\n\n";
  }

  void emitGuid(const std::string &Name, llvm::StringRef Text) {
    Text = Text.trim().trim("{}");
    llvm::SmallVector<llvm::StringRef, 5> Parts;
    Text.split(Parts, '-');
    static const size_t Widths[] = {8, 4, 4, 4, 12};
    if (Parts.size() != 5)
      return;
    for (size_t I = 0; I < 5; ++I)
      if (Parts[I].size() != Widths[I] || !llvm::all_of(Parts[I], llvm::isHexDigit))
        return;
    std::string Bytes;
    std::string Tail = (Parts[3] + Parts[4]).str();
    for (size_t I = 0; I < 16; I += 2)
      Bytes += std::string(I ? "," : "") + "0x" + llvm::StringRef(Tail).substr(I, 2).lower();
    std::string Head = "0x" + Parts[0].lower() + ",0x" + Parts[1].lower() + ",0x" + Parts[2].lower();
    Out += "#define " + Name + "Guid { " + Head + ", { " + Bytes + " } }\n";
    Out += "#if ! (defined(MIDL_PASS))\nDEFINE_GUID(" + Name + "_GUID, " + Head + "," + Bytes +
           ");\n#endif\n";
  }
};

} // namespace

std::string wmiMofHeader(llvm::StringRef Text) { return Reader(tokenize(Text)).run(); }

} // namespace vmbcheck
