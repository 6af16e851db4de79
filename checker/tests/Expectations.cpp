#include "Expectations.h"

#include <regex>
#include <sstream>

namespace vmbcheck::test {

std::vector<Expectation> parseExpectations(const std::string &File, const std::string &Text,
                                           std::vector<std::string> &Errors) {
  static const std::regex Marker(
      R"(\bexpect(-note|-callback|-notification)?(@([+-]?)(\d+))?:\s*(.*))");
  static const std::regex Item(R"(^\s*([A-Za-z0-9_\-]+)(\s*\{\{(.*?)\}\})?)");
  std::vector<Expectation> Out;
  std::istringstream In(Text);
  std::string Line;
  unsigned Number = 0;
  while (std::getline(In, Line)) {
    ++Number;
    std::smatch M;
    if (!std::regex_search(Line, M, Marker))
      continue;
    Expectation Base;
    Base.File = File;
    Base.MarkerLine = Number;
    std::string Kind = M[1];
    Base.K = Kind == "-note"           ? Expectation::Note
             : Kind == "-callback"     ? Expectation::Callback
             : Kind == "-notification" ? Expectation::Notification
                                       : Expectation::Finding;
    long Target = Number;
    if (M[2].matched) {
      long Off = std::stol(M[4]);
      Target = M[3] == "+" ? Number + Off : M[3] == "-" ? Number - Off : Off;
    }
    Base.Line = static_cast<unsigned>(Target);
    // Drop a trailing comment terminator.
    std::string Rest = M[5];
    if (auto End = Rest.find("*/"); End != std::string::npos)
      Rest = Rest.substr(0, End);
    bool Any = false;
    std::smatch I;
    while (std::regex_search(Rest, I, Item)) {
      Expectation E = Base;
      E.Id = I[1];
      if (I[2].matched)
        E.Text = I[3];
      if (E.K == Expectation::Finding || E.K == Expectation::Note) {
        if (E.Id.size() != 6 || E.Id.rfind("VMB", 0) != 0)
          Errors.push_back(File + ":" + std::to_string(Number) + ": '" + E.Id +
                           "' is not a rule id");
      }
      Out.push_back(E);
      Any = true;
      Rest = I.suffix();
    }
    if (!Any)
      Errors.push_back(File + ":" + std::to_string(Number) + ": marker without an id");
  }
  return Out;
}

} // namespace vmbcheck::test
