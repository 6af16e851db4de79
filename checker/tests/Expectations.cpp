#include "Expectations.h"

#include <regex>
#include <sstream>

namespace vmbcheck::test {

std::vector<Expectation> parseExpectations(const std::string &File, const std::string &Text,
                                           std::vector<std::string> &Errors) {
  static const std::regex Marker(R"(\bexpect(-note|-callback|-notification)?(@([+-]?)(\d+))?:)");
  // An id is a rule id, a notification kind or a callback's (qualified C++)
  // name: "VMB004", "compile-error", "Ns::Save", "(anonymous namespace)::Save",
  // "Device::Save<VSP_STATE>", "(lambda at drv.cpp:16)".
  static const std::regex Item(
      R"(^\s*((?:\(anonymous namespace\)::)?\(lambda at [A-Za-z0-9_.]+:[0-9]+\)|(?:\(anonymous namespace\)::)?[A-Za-z0-9_\-:<>,]+)(\s*\{\{(.*?)\}\})?)");
  std::vector<Expectation> Out;
  std::istringstream In(Text);
  std::string Line;
  unsigned Number = 0;
  while (std::getline(In, Line)) {
    ++Number;
    // Several markers may share a line; each one's items run to the next.
    std::vector<std::smatch> Headers;
    for (auto It = std::sregex_iterator(Line.begin(), Line.end(), Marker);
         It != std::sregex_iterator(); ++It)
      Headers.push_back(*It);
    for (size_t H = 0; H < Headers.size(); ++H) {
      const std::smatch &M = Headers[H];
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
      size_t From = M.position(0) + M.length(0);
      size_t To = H + 1 < Headers.size() ? Headers[H + 1].position(0) : Line.size();
      std::string Rest = Line.substr(From, To - From);
      if (auto End = Rest.find("*/"); End != std::string::npos)
        Rest = Rest.substr(0, End);
      bool Any = false;
      std::smatch I;
      while (std::regex_search(Rest, I, Item)) {
        Expectation E = Base;
        E.Id = I[1];
        if (I[2].matched)
          E.Text = I[3];
        if ((E.K == Expectation::Finding || E.K == Expectation::Note) &&
            (E.Id.size() != 6 || E.Id.rfind("VMB", 0) != 0))
          Errors.push_back(File + ":" + std::to_string(Number) + ": '" + E.Id +
                           "' is not a rule id");
        Out.push_back(E);
        Any = true;
        Rest = I.suffix();
      }
      if (!Any)
        Errors.push_back(File + ":" + std::to_string(Number) + ": marker without an id");
    }
  }
  return Out;
}

} // namespace vmbcheck::test
