"""Measuring at national scale: a synthetic data set of Sweden's procuring organisations
(``mix``, ``generate``, ``writer``; ``manage.py generate_national``) and the helpers of
``make bench`` (``bench_setup``, ``bench_urls``, ``bench_report``). See docs/benchmarks.md."""
