SELECT count(*) FROM orders
====
SELECT status, count(*) AS orders FROM orders GROUP BY status ORDER BY orders DESC
====
SELECT c.state, count(DISTINCT o.order_id) AS orders FROM customers c JOIN orders o ON o.customer_id = c.customer_id GROUP BY c.state ORDER BY orders DESC LIMIT 10
====
SELECT p.name, sum(oi.quantity) AS units FROM order_items oi JOIN products p ON p.product_id = oi.product_id GROUP BY p.name ORDER BY units DESC LIMIT 20
====
SELECT method, count(*) AS payments, round(sum(amount), 2) AS total FROM payments GROUP BY method ORDER BY total DESC
====
SELECT score, count(*) FROM reviews GROUP BY score ORDER BY score
====
WITH revenue AS (SELECT seller_id, sum(quantity * unit_price) AS revenue FROM order_items GROUP BY seller_id) SELECT s.name, r.revenue FROM revenue r JOIN sellers s ON s.seller_id = r.seller_id ORDER BY r.revenue DESC LIMIT 10
====
SELECT seller_id, revenue, rank() OVER (ORDER BY revenue DESC) AS position FROM (SELECT seller_id, sum(quantity * unit_price) AS revenue FROM order_items GROUP BY seller_id) t ORDER BY position LIMIT 25
====
SELECT order_id, amount, sum(amount) OVER (PARTITION BY order_id ORDER BY payment_seq) AS running FROM payments WHERE order_id < 100 ORDER BY order_id, payment_seq
====
SELECT customer_id, order_id, ordered_at, lag(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at) AS previous_order FROM orders WHERE customer_id < 50 ORDER BY customer_id, ordered_at
====
SELECT customer_id, order_id, row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at) AS nth FROM orders WHERE customer_id <= 20
====
SELECT category_id, name, list_price, dense_rank() OVER (PARTITION BY category_id ORDER BY list_price DESC) AS price_rank FROM products ORDER BY category_id, price_rank LIMIT 100
====
SELECT ntile(4) OVER (ORDER BY list_price) AS quartile, min(list_price), max(list_price) FROM products GROUP BY list_price ORDER BY 1 LIMIT 10
====
SELECT CASE WHEN score >= 4 THEN 'positive' WHEN score = 3 THEN 'neutral' ELSE 'negative' END AS sentiment, count(*) FROM reviews GROUP BY 1 ORDER BY 2 DESC
====
SELECT segment, count(*) FILTER (WHERE state = 'SP') AS in_sp, count(*) AS everywhere FROM customers GROUP BY segment
====
SELECT c.name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.status = 'returned') ORDER BY c.name LIMIT 50
====
SELECT c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id) LIMIT 50
====
SELECT p.product_id, p.name, p.list_price FROM products p WHERE p.list_price > (SELECT avg(p2.list_price) FROM products p2 WHERE p2.category_id = p.category_id) ORDER BY p.list_price DESC LIMIT 30
====
SELECT o.order_id, (SELECT sum(amount) FROM payments pay WHERE pay.order_id = o.order_id) AS paid FROM orders o WHERE o.order_id <= 100
====
SELECT status, round(avg(installments), 2) AS avg_installments FROM payments pay JOIN orders o ON o.order_id = pay.order_id GROUP BY status ORDER BY status
====
SELECT cat.name AS category, parent.name AS parent FROM categories cat LEFT JOIN categories parent ON parent.category_id = cat.parent_id ORDER BY parent, category
====
WITH RECURSIVE tree(category_id, name, depth) AS (SELECT category_id, name, 0 FROM categories WHERE parent_id IS NULL UNION ALL SELECT c.category_id, c.name, t.depth + 1 FROM categories c JOIN tree t ON c.parent_id = t.category_id) SELECT * FROM tree ORDER BY depth, name
====
SELECT coalesce(city, 'unknown') AS city, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC LIMIT 15
====
SELECT nullif(title, '') AS title, count(*) FROM reviews GROUP BY 1 ORDER BY 2 DESC LIMIT 10
====
SELECT order_id FROM orders WHERE status IN ('delivered', 'shipped') AND customer_id BETWEEN 100 AND 200
====
SELECT name FROM customers WHERE name LIKE 'Ana%' ORDER BY name LIMIT 20
====
SELECT upper(state) AS uf, lower(city) AS city FROM sellers GROUP BY state, city ORDER BY uf, city LIMIT 40
====
SELECT length(name) AS chars, count(*) FROM products GROUP BY 1 ORDER BY 1
====
SELECT replace(name, ' - ', ': ') AS label FROM products LIMIT 10
====
SELECT trim(name) || ' (' || state || ')' AS seller FROM sellers LIMIT 10
====
SELECT order_id, max(item_seq) AS items FROM order_items GROUP BY order_id HAVING max(item_seq) > 3 ORDER BY items DESC LIMIT 20
====
SELECT min(amount), max(amount), avg(amount), count(DISTINCT method) FROM payments
====
SELECT s.state, count(*) AS sellers FROM sellers s GROUP BY s.state HAVING count(*) >= 10 ORDER BY sellers DESC
====
SELECT * FROM categories ORDER BY category_id LIMIT 5 OFFSET 5
====
SELECT order_id, status FROM orders ORDER BY ordered_at DESC NULLS LAST LIMIT 10
====
SELECT product_id FROM order_items INTERSECT SELECT product_id FROM products WHERE list_price > 500
====
SELECT customer_id FROM customers EXCEPT SELECT customer_id FROM orders
====
SELECT 'delivered' AS kind, count(*) FROM orders WHERE status = 'delivered' UNION ALL SELECT 'returned', count(*) FROM orders WHERE status = 'returned'
====
VALUES (1, 'one'), (2, 'two')
====
SELECT * FROM (VALUES (1, 'credit_card'), (2, 'pix')) AS m
====
SELECT o.order_id, c.name, p.name AS product FROM orders o JOIN customers c ON c.customer_id = o.customer_id JOIN order_items oi ON oi.order_id = o.order_id JOIN products p ON p.product_id = oi.product_id WHERE o.order_id < 20
====
SELECT "delete".order_id FROM orders AS "delete" LIMIT 3
====
SELECT count(*) AS "update", 'DROP TABLE orders' AS "insert" FROM orders
====
SELECT 'DELETE FROM orders; --' AS harmless_text
====
SELECT status AS "select" FROM orders WHERE status <> 'cancelled; DROP TABLE orders' LIMIT 5
====
SELECT comment FROM reviews WHERE comment IS NOT NULL LIMIT 10
====
SELECT r.comment, r.title FROM reviews r WHERE r.score = 1 AND r.comment LIKE '%late%' LIMIT 10
====
SELECT deleted_flag FROM (SELECT 0 AS deleted_flag) t
====
SELECT created_at, updated_rows FROM (SELECT min(created_at) AS created_at, count(*) AS updated_rows FROM reviews) t
====
SELECT insert_count FROM (SELECT count(*) AS insert_count FROM orders) AS t
====
SELECT 1 AS one -- DELETE FROM orders

====
/* UPDATE orders SET status = 'x' */ SELECT count(*) FROM orders
====
SELECT count(*) FROM orders; -- trailing comment
====
SELECT count(*) FROM orders;
====
SELECT sum(quantity) AS share_of_units, count(*) AS share FROM order_items
====
SELECT seller_id, sum(quantity * unit_price) * 100.0 / (SELECT sum(quantity * unit_price) FROM order_items) AS share FROM order_items GROUP BY seller_id ORDER BY share DESC LIMIT 10
====
SELECT substr(name, 1, 3) AS prefix, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC LIMIT 10
====
SELECT abs(freight_value - 20) AS distance FROM order_items ORDER BY distance LIMIT 5
====
SELECT cast(score AS text) || ' stars' AS label, count(*) FROM reviews GROUP BY score ORDER BY score
====
SELECT o.status, avg(oi.freight_value) AS freight FROM orders o JOIN order_items oi USING (order_id) GROUP BY o.status
====
SELECT count(*) FROM orders o LEFT JOIN reviews r ON r.order_id = o.order_id WHERE r.review_id IS NULL
====
SELECT c.segment, avg(t.spent) FROM customers c JOIN (SELECT o.customer_id, sum(p.amount) AS spent FROM orders o JOIN payments p ON p.order_id = o.order_id GROUP BY o.customer_id) t ON t.customer_id = c.customer_id GROUP BY c.segment
====
WITH firsts AS (SELECT customer_id, min(ordered_at) AS first_order FROM orders GROUP BY customer_id) SELECT count(*) FROM firsts
====
WITH a AS (SELECT order_id, sum(amount) AS paid FROM payments GROUP BY order_id), b AS (SELECT order_id, sum(quantity * unit_price + freight_value) AS owed FROM order_items GROUP BY order_id) SELECT count(*) FROM a JOIN b USING (order_id) WHERE abs(a.paid - b.owed) > 1
====
SELECT seller_id, first_value(product_id) OVER (PARTITION BY seller_id ORDER BY list_price DESC) AS priciest FROM products WHERE seller_id < 10
====
SELECT product_id, list_price, avg(list_price) OVER (ORDER BY product_id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS moving_avg FROM products WHERE product_id <= 50
====
SELECT percent_rank() OVER (ORDER BY amount) AS pr, amount FROM payments WHERE order_id < 30
====
SELECT cume_dist() OVER (ORDER BY score) AS cd, score FROM reviews WHERE review_id < 30
====
SELECT order_id, lead(status) OVER (ORDER BY order_id) AS next_status FROM orders WHERE order_id < 30
====
SELECT count(*) OVER () AS total, order_id FROM orders WHERE order_id < 10
====
SELECT DISTINCT method FROM payments ORDER BY method
====
SELECT max(installments) FILTER (WHERE method = 'credit_card') FROM payments
====
SELECT CASE status WHEN 'delivered' THEN 1 ELSE 0 END AS done, count(*) FROM orders GROUP BY 1
====
SELECT count(CASE WHEN status = 'cancelled' THEN 1 END) * 1.0 / count(*) AS cancel_rate FROM orders
====
SELECT state FROM customers GROUP BY state ORDER BY count(*) DESC LIMIT 1
====
SELECT * FROM sellers WHERE seller_id = (SELECT seller_id FROM order_items GROUP BY seller_id ORDER BY count(*) DESC LIMIT 1)
====
SELECT p.category_id, count(*) FROM products p WHERE p.product_id IN (SELECT product_id FROM order_items WHERE quantity > 2) GROUP BY p.category_id
====
SELECT name FROM products WHERE name NOT LIKE '%Hoodie%' LIMIT 5
====
SELECT 1 + 2 * 3 AS math, 10 / 4 AS division, 10 % 4 AS remainder
====
SELECT count(*) FROM orders WHERE approved_at IS NULL
====
SELECT count(*) FROM orders WHERE shipped_at IS NOT NULL AND delivered_at IS NULL
====
SELECT coalesce(NULL, NULL, 'x') AS first_value_found
====
SELECT seller_id FROM sellers ORDER BY seller_id LIMIT 5
====
SELECT x.begin_value, x.end_value FROM (SELECT 1 AS begin_value, 2 AS end_value) x
====
SELECT o.order_id AS set_id FROM orders o LIMIT 1
====
SELECT order_id AS "order" FROM orders ORDER BY "order" LIMIT 3
====
WITH "drop" AS (SELECT 1 AS x) SELECT x FROM "drop"
====
SELECT count(*) FROM orders WHERE status = 'ALTER TABLE' OR status = 'INSERT INTO'
====
SELECT 'O''Brien; DELETE' AS name
====
SELECT '/* not a comment */' AS s, '-- not a comment' AS t
====
SELECT e.name FROM sellers e WHERE e.city = 'São Paulo' LIMIT 5
====
SELECT name AS "café ☕" FROM sellers LIMIT 2
====
SELECT count(*) FROM customers WHERE email LIKE '%@gmail.com'
====
SELECT date_trunc('month', ordered_at) AS month, count(*) FROM orders GROUP BY month ORDER BY month
====
SELECT ordered_at::date AS day, count(*) FROM orders GROUP BY day ORDER BY day DESC LIMIT 30
====
SELECT extract(epoch FROM delivered_at - ordered_at) / 86400 AS days FROM orders WHERE delivered_at IS NOT NULL LIMIT 20
====
SELECT avg(delivered_at - shipped_at) AS avg_transit FROM orders WHERE delivered_at IS NOT NULL
====
SELECT count(*) FROM orders WHERE ordered_at >= timestamptz '2023-01-01' + interval '6 months'
====
SELECT extract(dow FROM ordered_at) AS weekday, count(*) FROM orders GROUP BY weekday
====
SELECT string_agg(name, ', ' ORDER BY name) FROM categories WHERE parent_id IS NULL
====
SELECT is_active, count(*) FROM products GROUP BY is_active
====
SELECT json_build_object('order', order_id, 'status', status) FROM orders LIMIT 5
====
SELECT '{"a": {"b": 2}}'::jsonb -> 'a' ->> 'b' AS b
====
SELECT '{"a": 1}'::jsonb ? 'a' AS has_a
====
SELECT '{"a": [1, 2]}'::jsonb #> '{a,0}' AS first
====
SELECT jsonb_agg(DISTINCT method) FROM payments
====
SELECT * FROM jsonb_array_elements('[1, 2, 3]'::jsonb)
====
SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1
====
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders'
====
SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' LIMIT 10
====
TABLE categories
====
SELECT * FROM (VALUES (1, 'credit_card'), (2, 'pix')) AS m(id, method)
====
(SELECT 1 AS x) UNION (SELECT 2)
====
SELECT status, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median FROM payments p JOIN orders o USING (order_id) GROUP BY status
====
SELECT mode() WITHIN GROUP (ORDER BY method) FROM payments
====
SELECT count(*) FROM orders WHERE ordered_at > now() - interval '5 years'
====
SELECT to_char(ordered_at, 'YYYY-MM') AS month, sum(amount) FROM orders JOIN payments USING (order_id) GROUP BY 1 ORDER BY 1
====
SELECT generate_series(1, 10) AS n
====
SELECT d::date FROM generate_series(timestamptz '2023-01-01', timestamptz '2023-01-31', interval '1 day') AS d
====
SELECT array_agg(order_id ORDER BY order_id) FROM orders WHERE customer_id = 10
====
SELECT unnest(ARRAY[1, 2, 3]) AS n
====
SELECT (ARRAY['a', 'b', 'c'])[2] AS second
====
SELECT order_id FROM orders ORDER BY order_id FETCH FIRST 5 ROWS ONLY
====
SELECT DISTINCT ON (customer_id) customer_id, order_id, ordered_at FROM orders ORDER BY customer_id, ordered_at DESC LIMIT 20
====
SELECT name ILIKE '%açaí%' AS acai, count(*) FROM products GROUP BY 1
====
SELECT name ~ '^[A-Z]' AS capital, count(*) FROM products GROUP BY 1
====
SELECT regexp_replace(name, '\s+', ' ', 'g') FROM products LIMIT 3
====
SELECT E'tab\there' AS escaped, E'it\'s' AS quote
====
SELECT $$it's a $$ || $tag$dollar; DELETE$tag$ AS text
====
SELECT U&'d\0061t\+000061' AS unicode_text
====
SELECT U&"order_id" FROM orders LIMIT 1
====
SELECT greatest(list_price, 100), least(list_price, 10) FROM products LIMIT 5
====
SELECT list_price::int, round(list_price, 1), ceil(list_price), floor(list_price) FROM products LIMIT 5
====
SELECT count(*) FILTER (WHERE is_active) AS active, count(*) FILTER (WHERE NOT is_active) AS inactive FROM products
====
SELECT o.order_id, p.total FROM orders o CROSS JOIN LATERAL (SELECT sum(amount) AS total FROM payments WHERE order_id = o.order_id) p WHERE o.order_id < 10
====
SELECT status, count(*) FROM orders GROUP BY ROLLUP (status)
====
SELECT c.state, c.segment, count(*) FROM customers c GROUP BY GROUPING SETS ((c.state), (c.segment))
====
SELECT age(delivered_at, ordered_at) FROM orders WHERE delivered_at IS NOT NULL LIMIT 5
====
SELECT current_date - estimated_delivery_date AS days_late FROM orders LIMIT 5
====
EXPLAIN SELECT * FROM orders WHERE customer_id = 10
====
EXPLAIN (COSTS false, FORMAT json) SELECT count(*) FROM orders
====
EXPLAIN VERBOSE SELECT 1
====
SELECT pg_typeof(list_price) FROM products LIMIT 1
====
SELECT current_user, current_database(), version() IS NOT NULL AS has_version
====
SELECT lpad(order_id::text, 8, '0') FROM orders LIMIT 3
====
SELECT split_part(email, '@', 2) AS domain, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC LIMIT 5
====
SELECT width_bucket(amount, 0, 1000, 10) AS bucket, count(*) FROM payments GROUP BY 1 ORDER BY 1
====
SELECT corr(quantity, unit_price), stddev(unit_price), variance(unit_price) FROM order_items
====
SELECT bool_and(is_active), bool_or(is_active) FROM products
====
SELECT order_id FROM orders WHERE order_id = ANY (ARRAY[1, 2, 3])
====
SELECT (date_trunc('week', ordered_at))::date AS week, count(*) FROM orders GROUP BY 1 ORDER BY 1 LIMIT 10
====
SELECT 1 AS "FOR UPDATE"
====
SELECT substring(name FROM 1 FOR 3) AS prefix FROM products LIMIT 3
====
SELECT overlay(name PLACING 'X' FROM 1 FOR 1) FROM categories LIMIT 3
====
SELECT position('a' IN name) FROM categories LIMIT 3
====
SELECT x.share FROM (SELECT 0.5 AS share) x
====
SELECT pg_size_pretty(pg_total_relation_size('orders'))
====
SELECT 1e3 AS thousand, .5 AS half
