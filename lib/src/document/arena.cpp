#include "arena.hpp"

#include <new>
#include <string>
#include <utility>

namespace wellbeing::document {

namespace {

// A pointer to `payload` that shares no one's count: the arena keeps the payload.
std::shared_ptr<const void> not_owning(const void* payload) {
  return std::shared_ptr<const void>(std::shared_ptr<const void>(), payload);
}

}  // namespace

// Sized for a typical record's tree; later buffers grow from there.
NodeArena::NodeArena() : m_memory(std::size_t{16} * 1024) {}

NodeArena::~NodeArena() {
  for (Block* block = m_blocks; block != nullptr; block = block->next) {
    void* payload = block + 1;
    switch (block->kind) {
      case Kind::string:
        std::destroy_at(static_cast<std::string*>(payload));
        break;
      case Kind::nodes:
        std::destroy_n(static_cast<Node*>(payload), block->count);
        break;
      case Kind::entries:
        std::destroy_n(static_cast<Entry*>(payload), block->count);
        break;
    }
  }
}

void* NodeArena::allocate(Kind kind, std::size_t bytes, std::size_t count) {
  static_assert(sizeof(Block) % alignof(std::max_align_t) == 0, "a payload starts aligned right after its block");
  void* memory = m_memory.allocate(sizeof(Block) + bytes, alignof(std::max_align_t));
  auto* block = ::new (memory) Block{this, m_blocks, count, kind};
  return block + 1;
}

Node NodeArena::make(document::Kind kind, Mark mark, std::uint64_t value, const void* payload) const {
  Node node;
  node.m_kind = kind;
  node.m_mark = mark;
  node.m_value = value;
  if (payload != nullptr) {
    node.m_payload = not_owning(payload);
  }
  return node;
}

Node NodeArena::string(std::string_view value, Mark mark) {
  if (value.empty()) {
    return make(document::Kind::string, mark, 0, nullptr);
  }
  void* payload = allocate(Kind::string, sizeof(std::string), 1);
  ::new (payload) std::string(value);
  m_blocks = static_cast<Block*>(payload) - 1;
  return make(document::Kind::string, mark, 0, payload);
}

Node NodeArena::sequence(std::span<Node> moved, Mark mark) {
  if (moved.empty()) {
    return make(document::Kind::sequence, mark, 0, nullptr);
  }
  void* payload = allocate(Kind::nodes, moved.size_bytes(), moved.size());
  std::uninitialized_move(moved.begin(), moved.end(), static_cast<Node*>(payload));
  m_blocks = static_cast<Block*>(payload) - 1;
  return make(document::Kind::sequence, mark, moved.size(), payload);
}

Node NodeArena::mapping(std::span<Entry> moved, Mark mark) {
  if (moved.empty()) {
    return make(document::Kind::mapping, mark, 0, nullptr);
  }
  void* payload = allocate(Kind::entries, moved.size_bytes(), moved.size());
  std::uninitialized_move(moved.begin(), moved.end(), static_cast<Entry*>(payload));
  m_blocks = static_cast<Block*>(payload) - 1;
  return make(document::Kind::mapping, mark, moved.size(), payload);
}

Node NodeArena::inner(Node node) const {
  if (node.m_payload && node.m_payload.use_count() != 0) {
    const std::weak_ptr<const NodeArena> self = weak_from_this();
    if (!node.m_payload.owner_before(self) && !self.owner_before(node.m_payload)) {
      node.m_payload = not_owning(node.m_payload.get());
    }
  }
  return node;
}

std::shared_ptr<const void> NodeArena::own(const void* payload) {
  const Block* block = static_cast<const Block*>(payload) - 1;
  return std::shared_ptr<const void>(block->arena->shared_from_this(), payload);
}

}  // namespace wellbeing::document
