#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace wellbeing::util {

// Wraps an error value so that Expected<T, E> can be built from it unambiguously.
template <typename E>
struct Unexpected {
  E error;
};

template <typename E>
Unexpected<std::decay_t<E>> unexpected(E&& error) {
  return {std::forward<E>(error)};
}

// A value or an error: the return type of parsers and I/O (the command boundary turns errors into exit
// codes). A small stand-in for C++23's std::expected.
template <typename T, typename E>
class Expected {
 public:
  Expected(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
  template <typename U>
  Expected(Unexpected<U> error) : m_data(std::in_place_index<1>, std::move(error.error)) {}

  bool has_value() const { return m_data.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(m_data);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(m_data);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(m_data));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  E& error() & {
    assert(!has_value());
    return std::get<1>(m_data);
  }
  const E& error() const& {
    assert(!has_value());
    return std::get<1>(m_data);
  }
  E&& error() && {
    assert(!has_value());
    return std::get<1>(std::move(m_data));
  }

 private:
  std::variant<T, E> m_data;
};

}  // namespace wellbeing::util
