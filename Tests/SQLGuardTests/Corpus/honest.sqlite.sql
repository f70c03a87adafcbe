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
SELECT strftime('%Y-%m', ordered_at) AS month, count(*) FROM orders GROUP BY month ORDER BY month
====
SELECT date(ordered_at) AS day, count(*) FROM orders GROUP BY day ORDER BY day DESC LIMIT 30
====
SELECT julianday(delivered_at) - julianday(ordered_at) AS days FROM orders WHERE delivered_at IS NOT NULL LIMIT 20
====
SELECT avg(julianday(delivered_at) - julianday(shipped_at)) AS avg_transit_days FROM orders WHERE delivered_at IS NOT NULL
====
SELECT count(*) FROM orders WHERE ordered_at >= date('2023-01-01', '+6 months')
====
SELECT strftime('%w', ordered_at) AS weekday, count(*) FROM orders GROUP BY weekday
====
SELECT group_concat(name, ', ') FROM categories WHERE parent_id IS NULL
====
SELECT is_active, count(*) FROM products GROUP BY is_active
====
SELECT json_object('order', order_id, 'status', status) FROM orders LIMIT 5
====
SELECT json_extract('{"a": {"b": 2}}', '$.a.b') AS b
====
SELECT '{"a": 1}' -> '$.a' AS a, '{"a": 1}' ->> '$.a' AS a_text
====
SELECT value FROM json_each('[1, 2, 3]')
====
SELECT json_group_array(method) FROM (SELECT DISTINCT method FROM payments)
====
SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name
====
SELECT name, type FROM pragma_table_info('orders')
====
SELECT * FROM pragma_foreign_key_list('order_items')
====
SELECT "table" FROM pragma_foreign_key_list('orders')
====
SELECT [order_id], `status` FROM orders LIMIT 3
====
SELECT iif(score > 3, 'good', 'bad') AS verdict, count(*) FROM reviews GROUP BY 1
====
SELECT printf('%.2f', avg(amount)) FROM payments
====
SELECT instr(email, '@') AS at, email FROM customers WHERE email IS NOT NULL LIMIT 5
====
SELECT typeof(list_price), count(*) FROM products GROUP BY 1
====
SELECT total(amount) FROM payments
====
SELECT max(list_price, 100) AS at_least_100 FROM products LIMIT 5
====
SELECT round(list_price) FROM products LIMIT 5
====
SELECT cast(strftime('%H', ordered_at) AS integer) AS hour, count(*) FROM orders GROUP BY hour ORDER BY hour
====
SELECT date('now', '-30 days') AS since
====
SELECT datetime(ordered_at, '+3 hours') FROM orders LIMIT 3
====
SELECT hex(name) FROM categories LIMIT 2
====
SELECT quote(name) FROM categories LIMIT 2
====
SELECT unicode(name), char(65) FROM categories LIMIT 2
====
SELECT ltrim(name, 'A'), rtrim(name) FROM categories LIMIT 2
====
SELECT likely(1), unlikely(0)
====
SELECT sqlite_version()
====
EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer_id = 10
====
EXPLAIN SELECT 1
====
SELECT o.order_id FROM orders o INDEXED BY orders_customer_id WHERE o.customer_id = 5
====
SELECT count(*) FROM orders WHERE status GLOB 'deliver*'
====
SELECT count(*) FROM orders WHERE ordered_at BETWEEN '2023-01-01' AND '2023-03-31 23:59:59'
====
SELECT substr(ordered_at, 1, 4) AS year, count(*) FROM orders GROUP BY year
====
WITH RECURSIVE days(d) AS (SELECT date('2023-01-01') UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < '2023-01-31') SELECT d FROM days
====
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT sum(i) FROM n
====
SELECT name FROM customers WHERE name LIKE '%a\_b%' ESCAPE '\'
====
SELECT count(*) FROM customers WHERE email IS NULL
====
SELECT zeroblob_count FROM (SELECT 0 AS zeroblob_count)
====
SELECT orders.order_id FROM main.orders LIMIT 1
====
SELECT a$b FROM (SELECT 1 AS a$b)
====
SELECT 0x1F AS hex_value, 1e3 AS thousand, .5 AS half
====
SELECT x'00ff' AS bytes
====
SELECT order_id FROM orders `; DELETE FROM orders; ` LIMIT 2
====
SELECT 1 --  DELETE FROM orders ; SELECT 2
====
SELECT count(*) FROM products WHERE is_active = 1 AND list_price > 100
