"""The scorer's rules, case by case: python3 -B -m unittest discover -s benchmarks/accuracy"""

import sys
import unittest

sys.dont_write_bytecode = True

import plain_prompt  # noqa: E402
from results import compare, normalise  # noqa: E402


def score(gold, got, ordered=False):
    verdict = compare(gold, got, ordered)
    return verdict["exact"], verdict["columns"]


class NormaliseTests(unittest.TestCase):
    def test_engines_spellings_of_one_value_agree(self):
        self.assertEqual(normalise("2024-11-29 10:00:00+00")[:2], normalise("2024-11-29 10:00:00")[:2])
        self.assertEqual(normalise("2024-11-29T10:00:00.000Z")[:2], ("s", "2024-11-29 10:00:00"))
        self.assertEqual(normalise("14373003.38")[:2], normalise(14373003.38)[:2])
        self.assertEqual(normalise("40000")[:2], normalise(40000)[:2])
        self.assertEqual(normalise(None), ("null",))
        self.assertNotEqual(normalise(""), normalise(None))


class CompareTests(unittest.TestCase):
    gold = (["status", "orders"], [("delivered", 55000), ("cancelled", 2067)])

    def test_same_rows_in_another_order_is_right_when_order_does_not_matter(self):
        self.assertEqual(score(self.gold, (["s", "n"], [("cancelled", 2067), ("delivered", 55000)])), (True, True))

    def test_order_counts_when_asked_for(self):
        got = (["s", "n"], [("cancelled", 2067), ("delivered", 55000)])
        self.assertEqual(score(self.gold, got, ordered=True), (False, False))

    def test_columns_in_another_order_are_exact(self):
        self.assertEqual(score(self.gold, (["n", "s"], [(55000, "delivered"), (2067, "cancelled")])), (True, True))

    def test_an_extra_column_passes_only_the_columns_rule(self):
        got = (["s", "n", "pct"], [("delivered", 55000, 96.4), ("cancelled", 2067, 3.6)])
        self.assertEqual(score(self.gold, got), (False, True))

    def test_a_missing_column_fails_both(self):
        self.assertEqual(score(self.gold, (["s"], [("delivered",), ("cancelled",)])), (False, False))

    def test_a_missing_or_extra_row_fails_both(self):
        self.assertEqual(score(self.gold, (["s", "n"], [("delivered", 55000)])), (False, False))
        got = (["s", "n"], [("delivered", 55000), ("cancelled", 2067), ("pending", 3)])
        self.assertEqual(score(self.gold, got), (False, False))

    def test_values_must_stay_on_their_rows(self):
        got = (["s", "n"], [("delivered", 2067), ("cancelled", 55000)])
        self.assertEqual(score(self.gold, got), (False, False))

    def test_numbers_compare_at_the_coarser_precision_but_not_below_two_decimals(self):
        gold = (["avg"], [(4.15,)])
        self.assertEqual(score(gold, (["a"], [(4.152347,)])), (True, True))
        self.assertEqual(score(gold, (["a"], [("4.15",)])), (True, True))
        self.assertEqual(score(gold, (["a"], [(4,)])), (False, False))
        self.assertEqual(score(gold, (["a"], [(4.16,)])), (False, False))
        self.assertEqual(score((["n"], [(4048,)]), (["n"], [(4048.0,)])), (True, True))

    def test_a_value_found_in_a_wider_single_row(self):
        self.assertEqual(score((["n"], [(4048,)]), (["k", "n"], [("late", 4048)])), (False, True))

    def test_null_is_not_zero_or_empty(self):
        self.assertEqual(score((["x"], [(None,)]), (["x"], [(0,)])), (False, False))
        self.assertEqual(score((["x"], [(None,)]), (["x"], [("",)])), (False, False))


class ExtractTests(unittest.TestCase):
    def test_the_first_sql_block_wins(self):
        reply = "Sure:\n```sql\nSELECT 1;\n```\nor\n```sql\nSELECT 2\n```"
        self.assertEqual(plain_prompt.extract_sql(reply), "SELECT 1")

    def test_a_bare_query_or_an_unlabelled_block(self):
        self.assertEqual(plain_prompt.extract_sql("SELECT 3"), "SELECT 3")
        self.assertEqual(plain_prompt.extract_sql("```\nSELECT 4\n```"), "SELECT 4")

    def test_no_sql(self):
        self.assertIsNone(plain_prompt.extract_sql("I cannot answer that."))


if __name__ == "__main__":
    unittest.main()
