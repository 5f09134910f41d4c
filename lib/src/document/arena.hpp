#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <span>
#include <string_view>

#include "wellbeing/document/node.hpp"

namespace wellbeing::document {

// Where the parser puts one document's strings and arrays: bump-allocated blocks, freed together when the
// last node that owns them goes, instead of one allocation with its own count per value.
//
// A node built here does not own its payload (its shared pointer has no count), so the nodes inside the
// tree do not keep the arena alive and it can go. A copy of such a node owns the arena (Node's copy
// constructor asks `own`), so a node copied out of the tree, like the root a document keeps, keeps the whole
// tree alive, as a node built any other way keeps its own payload alive.
class NodeArena : public std::enable_shared_from_this<NodeArena> {
 public:
  static std::shared_ptr<NodeArena> create() { return std::shared_ptr<NodeArena>(new NodeArena()); }
  NodeArena(const NodeArena&) = delete;
  NodeArena& operator=(const NodeArena&) = delete;
  ~NodeArena();

  Node string(std::string_view value, Mark mark);
  // Moves the items or entries out of `moved` (which keeps them, moved from).
  Node sequence(std::span<Node> moved, Mark mark);
  Node mapping(std::span<Entry> moved, Mark mark);

  // `node`, to keep inside this arena's tree: not owning its payload when the payload is this arena's (a
  // copy, or an alias repeating a node already in the tree), so that the tree does not own itself.
  Node inner(Node node) const;

  // An owning pointer to `payload`, which a node built here points to without owning it.
  static std::shared_ptr<const void> own(const void* payload);

 private:
  enum class Kind : std::uint8_t { string, nodes, entries };
  // Before every payload: its arena, for `own`, and what the arena's destructor must destroy.
  struct Block {
    NodeArena* arena;
    Block* next;
    std::size_t count;
    Kind kind;
  };

  NodeArena();
  void* allocate(Kind kind, std::size_t bytes, std::size_t count);
  Node make(document::Kind kind, Mark mark, std::uint64_t value, const void* payload) const;

  std::pmr::monotonic_buffer_resource m_memory;
  Block* m_blocks = nullptr;
};

}  // namespace wellbeing::document
