// Can two paths through a save callback be taken for the same packet, with
// different buffers? VMB003 (c) pairs the empty call's success with a write
// into SaveBuf and needs the answer. Both paths live in one ExplodedGraph,
// so a value read from the packet before they part is the same symbol on
// both; what each path assumed about such values is compared, leaving out
// everything derived from SaveBuf or SaveBufSize.
#pragma once

#include "engine/SavePacketModel.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/RangedConstraintManager.h"
#include "llvm/ADT/DenseMap.h"

#include <utility>
#include <vector>

namespace vmbcheck::model {

// What one path assumed about values not derived from the buffer: each
// symbol's narrowest range on the path.
using PacketConstraints = std::vector<std::pair<clang::ento::SymbolRef, clang::ento::RangeSet>>;
// Constraints already collected for nodes of the graph; a walk that reaches
// one of these nodes takes its constraints over and stops there.
using KnownPaths = llvm::DenseMap<const clang::ento::ExplodedNode *, const PacketConstraints *>;

// The constraints of the path from the callback's entry to N. They are
// collected node by node because the engine drops a dead symbol's
// constraints, and by a `return` the packet's context usually is dead.
PacketConstraints packetConstraints(const clang::ento::ExplodedNode *N,
                                    const CallbackParams &P, const KnownPaths &Known);

// True if some packet can take both the path that reached Writing (its
// state and path constraints) and the path described by EmptyPath. A field
// both paths read through the same pointer is the same value, even when
// each read it after its own call. Errs towards true: results of calls
// without a body made on each path after the paths part are unrelated.
bool samePacketPossible(clang::ento::ProgramStateRef Writing, const PacketConstraints &WritingPath,
                        const PacketConstraints &EmptyPath);

} // namespace vmbcheck::model
