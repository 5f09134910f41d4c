#include "wellbeing/edit/unified_diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace wellbeing::edit {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, stop - start));
    start = stop;
  }
  return lines;
}

enum class Op { keep, remove, add };

struct Step {
  Op op;
  std::size_t old_index;
  std::size_t new_index;
};

// Myers' O((N+M)D) shortest edit script, after trimming the common head and tail.
std::vector<Step> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) {
    ++head;
  }
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const auto n = static_cast<std::ptrdiff_t>(a.size() - head - tail);
  const auto m = static_cast<std::ptrdiff_t>(b.size() - head - tail);
  const std::ptrdiff_t max = n + m;
  const std::ptrdiff_t offset = max + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 3), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  auto at = [&](std::size_t i) { return a[head + i]; };
  auto bt = [&](std::size_t j) { return b[head + j]; };
  std::ptrdiff_t found_d = 0;
  for (std::ptrdiff_t d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = 0;
      if (k == -d || (k != d && v[static_cast<std::size_t>(offset + k - 1)] < v[static_cast<std::size_t>(offset + k + 1)])) {
        x = v[static_cast<std::size_t>(offset + k + 1)];
      } else {
        x = v[static_cast<std::size_t>(offset + k - 1)] + 1;
      }
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && at(static_cast<std::size_t>(x)) == bt(static_cast<std::size_t>(y))) {
        ++x;
        ++y;
      }
      v[static_cast<std::size_t>(offset + k)] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      found_d = d;
      break;
    }
  }
  // Walk back through the trace to recover the steps.
  std::vector<Step> middle;
  std::ptrdiff_t x = n;
  std::ptrdiff_t y = m;
  for (std::ptrdiff_t d = found_d; d > 0; --d) {
    const std::vector<std::ptrdiff_t>& prev = trace[static_cast<std::size_t>(d)];
    const std::ptrdiff_t k = x - y;
    std::ptrdiff_t prev_k = 0;
    if (k == -d || (k != d && prev[static_cast<std::size_t>(offset + k - 1)] < prev[static_cast<std::size_t>(offset + k + 1)])) {
      prev_k = k + 1;
    } else {
      prev_k = k - 1;
    }
    const std::ptrdiff_t prev_x = prev[static_cast<std::size_t>(offset + prev_k)];
    const std::ptrdiff_t prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      middle.push_back({Op::keep, head + static_cast<std::size_t>(x), head + static_cast<std::size_t>(y)});
    }
    if (x == prev_x) {
      --y;
      middle.push_back({Op::add, head + static_cast<std::size_t>(x), head + static_cast<std::size_t>(y)});
    } else {
      --x;
      middle.push_back({Op::remove, head + static_cast<std::size_t>(x), head + static_cast<std::size_t>(y)});
    }
  }
  while (x > 0 && y > 0) {
    --x;
    --y;
    middle.push_back({Op::keep, head + static_cast<std::size_t>(x), head + static_cast<std::size_t>(y)});
  }
  std::vector<Step> steps;
  for (std::size_t i = 0; i < head; ++i) {
    steps.push_back({Op::keep, i, i});
  }
  steps.insert(steps.end(), middle.rbegin(), middle.rend());
  for (std::size_t i = 0; i < tail; ++i) {
    steps.push_back({Op::keep, a.size() - tail + i, b.size() - tail + i});
  }
  return steps;
}

void add_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') {
    out += "\n\\ No newline at end of file\n";
  }
}

std::string range(std::size_t start, std::size_t count) {
  // Unified diff numbers lines from 1; an empty range names the line before it.
  if (count == 0) {
    return fmt::format("{},0", start);
  }
  return count == 1 ? fmt::format("{}", start + 1) : fmt::format("{},{}", start + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, std::size_t context) {
  if (old_text == new_text) {
    return {};
  }
  const auto a = split_lines(old_text);
  const auto b = split_lines(new_text);
  const std::vector<Step> steps = edit_script(a, b);

  std::string out = fmt::format("--- {}\n+++ {}\n", old_label, new_label);
  std::size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].op == Op::keep) {
      ++i;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change that is
    // no more than 2 * context lines from the next.
    const std::size_t begin = i >= context ? i - context : 0;
    std::size_t end = i;
    std::size_t last_change = i;
    while (end < steps.size()) {
      if (steps[end].op != Op::keep) {
        last_change = end;
      } else if (end - last_change > 2 * context) {
        break;
      }
      ++end;
    }
    end = std::min(steps.size(), last_change + context + 1);
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    for (std::size_t s = begin; s < end; ++s) {
      old_count += steps[s].op != Op::add;
      new_count += steps[s].op != Op::remove;
    }
    const std::size_t old_start = steps[begin].old_index;
    const std::size_t new_start = steps[begin].new_index;
    out += fmt::format("@@ -{} +{} @@\n", range(old_start, old_count), range(new_start, new_count));
    for (std::size_t s = begin; s < end; ++s) {
      switch (steps[s].op) {
        case Op::keep:
          add_line(out, ' ', a[steps[s].old_index]);
          break;
        case Op::remove:
          add_line(out, '-', a[steps[s].old_index]);
          break;
        case Op::add:
          add_line(out, '+', b[steps[s].new_index]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace wellbeing::edit
