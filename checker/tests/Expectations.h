// Expected results written next to the code that triggers them, in the
// manner of Clang's -verify:
//
//   *(PULONG)SaveBuf = 0;              // expect: VMB004 {{at offset 0}}
//   // expect@+1: VMB002
//   return STATUS_SUCCESS;
//   // expect-note@+2: VMB003 {{Assuming}}
//   NTSTATUS MySave(...)               // expect-callback: MySave
//   #include "missing.h"               // expect-notification: compile-error
//
// `@+N` / `@-N` shift the line; `{{text}}` (after a rule or id) must occur in
// the message. Every finding must be expected and every expectation met.
#pragma once

#include <string>
#include <vector>

namespace vmbcheck::test {

struct Expectation {
  enum Kind { Finding, Note, Callback, Notification } K = Finding;
  std::string File;
  unsigned Line = 0;
  std::string Id;   // rule id, callback name or notification id
  std::string Text; // required message fragment ("" = any)
  unsigned MarkerLine = 0; // where the marker is written, for messages
};

// Parses the markers of one source file. Malformed markers are reported in
// Errors (a typo must not silently disable an expectation).
std::vector<Expectation> parseExpectations(const std::string &File, const std::string &Text,
                                           std::vector<std::string> &Errors);

} // namespace vmbcheck::test
