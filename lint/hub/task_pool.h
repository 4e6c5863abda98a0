#ifndef HUBLINT_HUB_TASK_POOL_H_
#define HUBLINT_HUB_TASK_POOL_H_

// A fixed set of worker threads running queued tasks; tasks may queue more
// tasks. The collector runs one blocking HTTP request per task, so the
// number of threads is the number of requests in flight (--concurrency).

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"

namespace hublint::hub {

class TaskPool {
 public:
  explicit TaskPool(int threads);
  // Waits for every queued task, then stops the threads.
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  void Submit(std::function<void()> task);
  // Blocks until no task is queued or running.
  void Wait();

 private:
  void Work();

  absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  int running_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_TASK_POOL_H_
