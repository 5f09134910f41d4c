#include "wellbeing/write/cleanup.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace wellbeing::write {

namespace fs = std::filesystem;

namespace {

// A handler may only make async-signal-safe calls, so the list is plain arrays it reads as they stand.
struct Slot {
  char path[4096];
  volatile std::sig_atomic_t used;
};
Slot g_slots[16];
int g_used = 0;

constexpr int k_signals[3] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];
bool g_installed[3] = {false, false, false};

extern "C" void on_signal(int signal_number) {
  for (const Slot& slot : g_slots) {
    if (slot.used != 0) {
      ::unlink(slot.path);
    }
  }
  // The signal is blocked while its handler runs: raised again with the default action, it is delivered
  // on return and ends the process the way the sender meant (a shell sees 128 + the signal).
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  ::sigaction(signal_number, &fallback, nullptr);
  ::raise(signal_number);
}

// Blocks the three signals for its lifetime, so that a change to a file and to the list is one step to them.
class Blocked {
 public:
  Blocked() {
    sigset_t set;
    sigemptyset(&set);
    for (const int s : k_signals) {
      sigaddset(&set, s);
    }
    ::pthread_sigmask(SIG_BLOCK, &set, &m_old);
  }
  ~Blocked() {
    const int saved = errno;  // callers report errno after this
    ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    errno = saved;
  }
  Blocked(const Blocked&) = delete;
  Blocked& operator=(const Blocked&) = delete;

 private:
  sigset_t m_old;
};

void install_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (const int s : k_signals) {
    sigaddset(&action.sa_mask, s);  // a second signal must not interrupt the removals
  }
  for (int i = 0; i < 3; ++i) {
    ::sigaction(k_signals[i], nullptr, &g_previous[i]);
    // Started ignoring it (nohup, a background job): the person asked for this signal not to end us.
    g_installed[i] = g_previous[i].sa_handler != SIG_IGN;
    if (g_installed[i]) {
      ::sigaction(k_signals[i], &action, nullptr);
    }
  }
}

void restore_handlers() {
  for (int i = 0; i < 3; ++i) {
    if (g_installed[i]) {
      ::sigaction(k_signals[i], &g_previous[i], nullptr);
      g_installed[i] = false;
    }
  }
}

// Both called with the signals blocked.
bool add(const fs::path& path) {
  const std::string text = path.string();
  for (Slot& slot : g_slots) {
    if (slot.used == 0) {
      if (text.size() >= sizeof slot.path) {
        errno = ENAMETOOLONG;
        return false;
      }
      std::memcpy(slot.path, text.c_str(), text.size() + 1);
      slot.used = 1;
      if (g_used++ == 0) {
        install_handlers();
      }
      return true;
    }
  }
  errno = EMFILE;
  return false;
}

void drop(const fs::path& path) {
  for (Slot& slot : g_slots) {
    if (slot.used != 0 && path == slot.path) {
      slot.used = 0;
      if (--g_used == 0) {
        restore_handlers();
      }
      return;
    }
  }
}

}  // namespace

int create_registered(std::string& pattern, int suffix_length) {
  // Registration may install the handlers only after the file exists, yet before any signal can see it.
  const Blocked blocked;
  const int fd = ::mkostemps(pattern.data(), suffix_length, O_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  if (!add(pattern)) {
    const int error = errno;
    ::close(fd);
    ::unlink(pattern.c_str());
    errno = error;
    return -1;
  }
  return fd;
}

bool link_registered(const fs::path& from, const fs::path& to) {
  const Blocked blocked;
  if (::link(from.c_str(), to.c_str()) != 0) {
    return false;
  }
  if (!add(to)) {
    const int error = errno;
    ::unlink(to.c_str());
    errno = error;
    return false;
  }
  return true;
}

bool rename_registered(const fs::path& from, const fs::path& to, bool register_to) {
  const Blocked blocked;
  // Registered first, so that a failure to register leaves everything as it was.
  if (register_to && !add(to)) {
    return false;
  }
  if (::rename(from.c_str(), to.c_str()) != 0) {
    const int error = errno;
    if (register_to) {
      drop(to);
    }
    errno = error;
    return false;
  }
  drop(from);
  return true;
}

void remove_registered(const fs::path& path) {
  const Blocked blocked;
  ::unlink(path.c_str());
  drop(path);
}

void unregister(const fs::path& path) {
  const Blocked blocked;
  drop(path);
}

}  // namespace wellbeing::write
