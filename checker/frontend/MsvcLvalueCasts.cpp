#include "frontend/MsvcLvalueCasts.h"

namespace vmbcheck {

namespace {

// Index of the parenthesis closing the one at Open, skipping string and
// character literals; npos when unbalanced.
size_t closingParen(llvm::StringRef Text, size_t Open) {
  unsigned Depth = 0;
  for (size_t I = Open; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"' || C == '\'') {
      for (++I; I < Text.size() && Text[I] != C; ++I)
        if (Text[I] == '\\')
          ++I;
      continue;
    }
    if (C == '(')
      ++Depth;
    else if (C == ')' && --Depth == 0)
      return I;
  }
  return llvm::StringRef::npos;
}

} // namespace

std::optional<std::string> lvalueForCast(llvm::StringRef Text) {
  Text = Text.trim();
  // ((T)x): parentheses around the whole cast.
  while (Text.starts_with("(") && closingParen(Text, 0) == Text.size() - 1) {
    llvm::StringRef Inner = Text.drop_front().drop_back().trim();
    if (!Inner.starts_with("("))
      break;
    Text = Inner;
  }
  if (!Text.starts_with("("))
    return std::nullopt;
  size_t Close = closingParen(Text, 0);
  if (Close == llvm::StringRef::npos || Close + 1 >= Text.size())
    return std::nullopt;
  llvm::StringRef Type = Text.slice(1, Close).trim();
  llvm::StringRef Operand = Text.drop_front(Close + 1).trim();
  if (Type.empty() || Operand.empty() || Type.contains(';') || Operand.contains(';'))
    return std::nullopt;
  return "(*(__typeof__(" + Type.str() + ") *)&(" + Operand.str() + "))";
}

bool LvalueCastRewrites::add(const RejectedLvalueCast &Cast, llvm::StringRef Original,
                             llvm::StringRef Current) {
  if (Cast.Offset + Cast.Length > Current.size())
    return false;
  llvm::StringRef Text = Current.substr(Cast.Offset, Cast.Length);
  if (Text.contains('\n') || Text.contains('\r'))
    return false; // keeps lines where they are
  auto &Edited = Edits[Cast.File];
  for (const Edit &E : Edited) // the same cast again: the rewrite did not help
    if (E.Line == Cast.Line && Cast.Column >= E.Column && Cast.Column < E.Column + E.NewLength)
      return false;
  std::optional<std::string> Lvalue = lvalueForCast(Text);
  if (!Lvalue)
    return false;
  Originals.try_emplace(Cast.File, Original.str());
  std::string Next = Current.str();
  Next.replace(Cast.Offset, Cast.Length, *Lvalue);
  Texts[Cast.File] = std::move(Next);
  Edited.push_back({Cast.Line, Cast.Column, Cast.Length, static_cast<unsigned>(Lvalue->size())});
  return true;
}

void LvalueCastRewrites::mapToOriginal(SourceSpan &Span) const {
  auto It = Edits.find(Span.File);
  if (It == Edits.end())
    return;
  auto Map = [&](unsigned Line, unsigned &Column) {
    for (auto E = It->second.rbegin(); E != It->second.rend(); ++E) {
      if (E->Line != Line || Column <= E->Column)
        continue;
      if (Column >= E->Column + E->NewLength)
        Column -= E->NewLength - E->OldLength;
      else
        Column = E->Column;
    }
  };
  if (Span.Column)
    Map(Span.Line, Span.Column);
  if (Span.EndColumn)
    Map(Span.EndLine ? Span.EndLine : Span.Line, Span.EndColumn);
}

std::string LvalueCastRewrites::originalLine(const SourceSpan &Span, const std::string &Text) const {
  auto It = Originals.find(Span.File);
  if (It == Originals.end() || Span.Line == 0)
    return Text;
  llvm::StringRef Rest = It->second;
  for (unsigned L = 1; L < Span.Line && !Rest.empty(); ++L)
    Rest = Rest.split('\n').second;
  return Rest.split('\n').first.rtrim('\r').str();
}

} // namespace vmbcheck
