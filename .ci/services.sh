# Services the tests need, started on loopback for the duration of a CI run. Sourced by .ci/run.
# Each start_* exports the address the tests read; each is idempotent and cleans up in stop_services.

start_services() {
  :
}

stop_services() {
  :
}
