#pragma once

#include <cassert>
#include <functional>
#include <type_traits>
#include <utility>
#include <variant>

#include "wellbeing/util/failure.hpp"

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

template <typename T, typename E>
class Expected;

namespace detail {
template <typename R>
struct is_expected : std::false_type {};
template <typename T, typename E>
struct is_expected<Expected<T, E>> : std::true_type {};

// What Expected<T, E> and Expected<void, E> share: `V` (T, or std::monostate for void) or an error.
template <typename V, typename E>
class ExpectedBase {
 public:
  using error_type = E;

  bool has_value() const { return m_data.index() == 0; }
  explicit operator bool() const { return has_value(); }

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

 protected:
  ExpectedBase() = default;
  explicit ExpectedBase(V value) : m_data(std::in_place_index<0>, std::move(value)) {}
  template <typename U>
  explicit ExpectedBase(Unexpected<U> failure) : m_data(std::in_place_index<1>, std::move(failure.error)) {}

  std::variant<V, E> m_data;
};

}  // namespace detail

// The one result type of the library: a value (or, for Expected<void, E>, success) or an error. A small
// stand-in for C++23's std::expected, with the members we use: value_or, and_then, transform.
//
// The error is one of two kinds (see ARCHITECTURE.md, "Errors"): `Diagnostics` when the problem has a
// place in a file, or `util::Failure` (plain words and what kind of failure it is) when it has none.
template <typename T, typename E>
class Expected : public detail::ExpectedBase<T, E> {
  using Base = detail::ExpectedBase<T, E>;

 public:
  using value_type = T;
  using Base::error;
  using Base::has_value;

  Expected(T value) : Base(std::move(value)) {}
  template <typename U>
  Expected(Unexpected<U> failure) : Base(std::move(failure)) {}

  T& value() & {
    assert(has_value());
    return std::get<0>(this->m_data);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(this->m_data);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(this->m_data));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The value, or `fallback` when there is an error.
  template <typename U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }
  template <typename U>
  T value_or(U&& fallback) && {
    return has_value() ? std::move(*this).value() : static_cast<T>(std::forward<U>(fallback));
  }

  // f(value), itself an Expected with the same error type; or this error, passed on.
  template <typename F>
  auto and_then(F&& f) const& {
    using R = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
    static_assert(detail::is_expected<R>::value, "and_then needs a function returning an Expected");
    return has_value() ? std::invoke(std::forward<F>(f), value()) : R(Unexpected<E>{error()});
  }
  template <typename F>
  auto and_then(F&& f) && {
    using R = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
    static_assert(detail::is_expected<R>::value, "and_then needs a function returning an Expected");
    return has_value() ? std::invoke(std::forward<F>(f), std::move(*this).value())
                       : R(Unexpected<E>{std::move(*this).error()});
  }

  // Expected<U, E> holding f(value); or this error, passed on.
  template <typename F>
  auto transform(F&& f) const& {
    using U = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
    if (!has_value()) {
      return Expected<U, E>(Unexpected<E>{error()});
    }
    if constexpr (std::is_void_v<U>) {
      std::invoke(std::forward<F>(f), value());
      return Expected<U, E>();
    } else {
      return Expected<U, E>(std::invoke(std::forward<F>(f), value()));
    }
  }
};

// Success with nothing to return, or an error.
template <typename E>
class Expected<void, E> : public detail::ExpectedBase<std::monostate, E> {
  using Base = detail::ExpectedBase<std::monostate, E>;

 public:
  using value_type = void;
  using Base::error;
  using Base::has_value;

  Expected() = default;
  template <typename U>
  Expected(Unexpected<U> failure) : Base(std::move(failure)) {}

  void value() const { assert(has_value()); }

  // f(), itself an Expected with the same error type; or this error, passed on.
  template <typename F>
  auto and_then(F&& f) const& {
    using R = std::remove_cvref_t<std::invoke_result_t<F>>;
    static_assert(detail::is_expected<R>::value, "and_then needs a function returning an Expected");
    return has_value() ? std::invoke(std::forward<F>(f)) : R(Unexpected<E>{error()});
  }
};

}  // namespace wellbeing::util
