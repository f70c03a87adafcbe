#!/usr/bin/env python3
"""Generate datachat's bundled sample dataset: a synthetic Brazilian e-commerce marketplace.

The data imitates the shape of the public Olist marketplace data (many small sellers, a few huge
ones, credit cards paid in instalments, boletos that are never paid, J-shaped review scores) but
every row is invented. Its purpose is to give the model and the analyst questions with real
answers: seasonality, skew, repeat customers, late deliveries, and the edge cases a careless
query gets wrong (NULLs, cancelled orders, several payment rows per order, freight).

Run from anywhere:  python3 sample-data/generate.py
It rewrites sample-data/data/*.csv byte-identically on every run: a single random.Random seeded
with SEED is the only source of randomness, every collection is iterated in a fixed order, and no
clock is read. Python 3.11+, standard library only.

CSV convention (PostgreSQL COPY ... CSV): header row; SQL NULL is an empty unquoted field; an empty
string is ""; fields holding a comma, quote or line break are quoted with "" escaping; LF endings.
"""

from __future__ import annotations

import bisect
import math
import os
import random
import re
import unicodedata
from datetime import date, datetime, timedelta

SEED = 20240101

ORDER_WINDOW_START = datetime(2023, 1, 1)
ORDER_WINDOW_END = datetime(2025, 1, 1)  # exclusive
# The moment the snapshot was taken: anything that would happen later is simply not recorded yet,
# which is why the last days of December hold pending, processing and shipped orders.
SNAPSHOT_AT = datetime(2025, 1, 1)

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.join(HERE, "data")
SQLITE_SCHEMA = os.path.join(HERE, "schema.sqlite.sql")

N_SELLERS = 1500
N_PRODUCTS_TARGET = 7000
N_CUSTOMERS = 40000

COLUMNS = {
    "categories": ["category_id", "name", "parent_id"],
    "sellers": ["seller_id", "name", "city", "state", "joined_at"],
    "customers": ["customer_id", "name", "email", "city", "state", "signup_at", "segment"],
    "products": ["product_id", "seller_id", "category_id", "name", "list_price", "weight_g", "created_at", "is_active"],
    "orders": [
        "order_id", "customer_id", "status", "ordered_at", "approved_at", "shipped_at", "delivered_at",
        "estimated_delivery_date",
    ],
    "order_items": ["order_id", "item_seq", "product_id", "seller_id", "quantity", "unit_price", "freight_value"],
    "payments": ["order_id", "payment_seq", "method", "installments", "amount"],
    "reviews": ["review_id", "order_id", "score", "title", "comment", "created_at", "answered_at"],
}

# --------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------

# Top-level category -> leaves: (name, median list price BRL, price spread (lognormal sigma),
# weight range in grams, popularity, return-rate multiplier, product nouns).
# Leaves with popularity 0 have no products: they exist so that LEFT JOIN questions have an answer.
CATEGORY_TREE = [
    ("Home & Garden", [
        ("Bed & Bath", 89, 0.55, (300, 4000), 9, 1.0,
         ["Bath Towel Set", "Queen Sheet Set 200 Threads", "Duvet Cover", "Memory Foam Pillow", "Bath Mat",
          "Shower Curtain"]),
        ("Furniture", 480, 0.7, (3000, 40000), 6, 1.3,
         ["Office Chair", "Bookshelf 5 Shelves", "Coffee Table", "Sofa Bed", "Nightstand", "TV Stand"]),
        ("Kitchen & Dining", 75, 0.8, (200, 5000), 6, 1.0,
         ["Nonstick Frying Pan", "Knife Set", "Dinnerware Set 20 Pieces", "Pressure Cooker 4.5L",
          "Glass Food Containers", "Coffee Mugs"]),
        ("Home Décor", 65, 0.7, (100, 3000), 7, 1.0,
         ["Wall Clock", "Decorative Vase", "Picture Frame 20x30", "Scented Candle", "Throw Pillow Cover",
          "Round Wall Mirror"]),
        ("Garden & Outdoor", 70, 0.8, (200, 8000), 3, 1.0,
         ["Garden Hose 15m", "Pruning Shears", "Ceramic Planter", "Solar Garden Lights", "Hammock"]),
        ("Lighting", 85, 0.7, (200, 3000), 3, 1.0,
         ["LED Ceiling Lamp", "Desk Lamp", "Smart Bulb", "Pendant Light", "String Lights 10m"]),
    ]),
    ("Electronics", [
        ("Smartphones", 1400, 0.5, (150, 250), 4, 0.8,
         ["Smartphone 128GB", "Smartphone 256GB", "Smartphone 64GB Dual SIM"]),
        ("Computers & Laptops", 3200, 0.45, (1200, 2500), 2, 0.8,
         ['Laptop 15.6"', 'Notebook 14" Ultrabook', "Desktop PC Core i5", 'Chromebook 11.6"']),
        ("Audio & Headphones", 180, 0.8, (50, 2000), 5, 1.0,
         ["Bluetooth Headphones", "Wireless Earbuds", "Portable Speaker", "Soundbar 2.1"]),
        ("TV & Video", 2200, 0.45, (5000, 18000), 2, 0.8,
         ['Smart TV 50" 4K', 'Smart TV 43" Full HD', 'Smart TV 55" QLED', 'Smart TV 65" 4K']),
        ("Computer Accessories", 95, 0.8, (50, 1500), 8, 1.0,
         ["Wireless Mouse", "Mechanical Keyboard", "USB-C Hub 7-in-1", "Webcam 1080p", "External SSD 1TB",
          "Mouse Pad XL", "Laptop Backpack"]),
        ("Smart Home", 0, 0, (0, 0), 0, 1.0, []),
    ]),
    ("Fashion", [
        ("Women's Clothing", 89, 0.6, (150, 900), 6, 2.5,
         ["Floral Dress", "Skinny Jeans", "Linen Blouse", "Knit Cardigan", "Pleated Skirt"]),
        ("Men's Clothing", 85, 0.6, (150, 1000), 5, 2.5,
         ["Polo Shirt", "Slim Fit Jeans", "Hoodie", "Cargo Shorts", "Dress Shirt"]),
        ("Shoes", 160, 0.5, (400, 1500), 5, 2.5,
         ["Running Shoes", "Leather Loafers", "Canvas Sneakers", "Ankle Boots", "Flip-Flops"]),
        ("Bags & Luggage", 150, 0.7, (300, 4500), 3, 1.5,
         ["Carry-On Suitcase", "Leather Handbag", "Backpack 30L", "Crossbody Bag"]),
        ("Watches", 220, 0.8, (80, 300), 4, 1.2,
         ["Analog Watch", "Smartwatch", "Chronograph Watch", "Sports Watch"]),
        ("Jewelry & Accessories", 60, 0.8, (10, 200), 3, 1.5,
         ["Silver Necklace", "Hoop Earrings", "Sunglasses", "Leather Belt"]),
    ]),
    ("Health & Beauty", [
        ("Skincare", 70, 0.6, (50, 500), 6, 0.8,
         ["Vitamin C Serum", "Moisturizing Cream", "Sunscreen SPF 50", "Facial Cleanser"]),
        ("Hair Care", 45, 0.6, (100, 1000), 5, 0.8,
         ["Shampoo 1L", "Hair Mask", "Hair Dryer", "Flat Iron"]),
        ("Perfume", 190, 0.6, (150, 500), 5, 0.8,
         ["Eau de Parfum 100ml", "Eau de Toilette 50ml", "Body Splash"]),
        ("Makeup", 50, 0.6, (20, 300), 4, 0.8,
         ["Liquid Foundation", "Mascara", "Lipstick Kit", "Eyeshadow Palette"]),
        ("Vitamins & Supplements", 80, 0.5, (100, 1500), 4, 0.6,
         ["Whey Protein 900g", "Creatine 300g", "Multivitamin 60 Caps", "Omega 3"]),
    ]),
    ("Sports & Leisure", [
        ("Fitness Equipment", 140, 0.9, (200, 20000), 5, 1.0,
         ["Adjustable Dumbbells", "Yoga Mat", "Resistance Bands", "Exercise Bike", "Jump Rope"]),
        ("Cycling", 350, 1.0, (200, 15000), 2, 1.0,
         ["Mountain Bike Aro 29", "Bike Helmet", "Bike Light Set", "Cycling Gloves"]),
        ("Camping & Hiking", 180, 0.7, (300, 6000), 2, 1.0,
         ["Tent 4 People", "Sleeping Bag", "Camping Stove", "Hiking Backpack 50L"]),
        ("Team Sports", 90, 0.6, (200, 1200), 3, 1.2,
         ["Soccer Ball", "Soccer Cleats", "Volleyball", "Team Jersey"]),
    ]),
    ("Toys & Baby", [
        ("Kids' Toys", 90, 0.7, (100, 3000), 5, 1.0,
         ["Building Blocks 500 Pieces", "Doll House", "Remote Control Car", "Plush Bear", "Action Figure"]),
        ("Baby Care", 110, 0.7, (200, 8000), 4, 1.0,
         ["Baby Stroller", "Diaper Bag", "Baby Monitor", "Car Seat", "Baby Bottle Set"]),
        ("Board Games & Puzzles", 120, 0.5, (300, 2000), 2, 0.8,
         ["Strategy Board Game", "Puzzle 1000 Pieces", "Card Game", "Chess Set"]),
    ]),
    ("Books, Music & Movies", [
        ("Books", 55, 0.5, (200, 1200), 4, 0.5,
         ["Novel (Paperback)", "Cookbook", "Self-Help Book", "Biography", "Programming Book"]),
        ("Musical Instruments", 450, 0.9, (300, 8000), 2, 1.0,
         ["Acoustic Guitar", "Digital Piano 61 Keys", "Ukulele", "Electric Guitar Strings"]),
        ("Children's Books", 40, 0.4, (100, 600), 2, 0.5,
         ["Picture Book", "Activity Book", "Fairy Tales Collection"]),
    ]),
    ("Automotive", [
        ("Car Accessories", 75, 0.8, (100, 3000), 4, 1.0,
         ["Car Seat Covers", "Phone Car Mount", "Floor Mats", "Car Vacuum Cleaner"]),
        ("Car Electronics", 260, 0.7, (200, 2000), 2, 1.0,
         ["Dash Cam", "Car Stereo Bluetooth", "Reversing Camera", "GPS Navigator"]),
        ("Motorcycle Parts", 120, 0.8, (100, 4000), 1.5, 1.0,
         ["Motorcycle Helmet", "Chain Kit", "Brake Pads", "Motorcycle Cover"]),
    ]),
    ("Tools & Construction", [
        ("Power Tools", 320, 0.6, (800, 6000), 3, 1.0,
         ["Cordless Drill 12V", "Angle Grinder", "Circular Saw", "Impact Driver"]),
        ("Hand Tools", 80, 0.6, (100, 3000), 3, 0.8,
         ["Tool Kit 110 Pieces", "Screwdriver Set", "Adjustable Wrench", "Tape Measure 5m"]),
        ("Electrical & Plumbing", 45, 0.8, (50, 2000), 2, 0.8,
         ["Extension Cord 5m", "Shower Head", "Kitchen Faucet", "Circuit Breaker"]),
    ]),
    ("Pet Shop", [
        ("Dog Supplies", 70, 0.7, (100, 15000), 3, 0.8,
         ["Dog Bed", "Dog Leash", "Dry Dog Food 15kg", "Dog Toy Set"]),
        ("Cat Supplies", 65, 0.7, (100, 10000), 2, 0.8,
         ["Cat Scratching Post", "Cat Litter 4kg", "Cat Carrier", "Cat Fountain"]),
        ("Aquariums", 0, 0, (0, 0), 0, 1.0, []),
    ]),
    ("Office & Stationery", [
        ("Office Supplies", 45, 0.8, (50, 3000), 2, 0.8,
         ["Paper Shredder", "Stapler", "Label Printer", "Desk Organizer"]),
        ("Stationery & School", 25, 0.7, (20, 800), 3, 0.5,
         ["Notebook 10 Subjects", "Gel Pens 12 Colors", "School Backpack", "Pencil Case"]),
        ("Printers & Ink", 250, 1.0, (100, 8000), 2, 1.0,
         ["Ink Cartridge Black", "Laser Printer", "Multifunction Printer", "Toner Cartridge"]),
    ]),
    ("Food & Drinks", [
        ("Coffee & Tea", 45, 0.5, (250, 1500), 2, 0.3,
         ["Coffee Beans 1kg", "Coffee Capsules 50 Units", "Green Tea 100 Bags", "Yerba Mate 1kg"]),
        ("Gourmet Food", 55, 0.6, (200, 2000), 1.5, 0.3,
         ["Olive Oil 500ml", "Dark Chocolate Box", "Panettone 750g", "Artisan Cachaça 700ml"]),
    ]),
    ("Appliances", [
        ("Small Appliances", 220, 0.7, (1000, 8000), 5, 1.0,
         ["Air Fryer 4L", "Blender 1000W", "Coffee Maker", "Electric Kettle", "Stand Mixer"]),
        ("Large Appliances", 2300, 0.5, (25000, 80000), 1.5, 0.8,
         ["Refrigerator 400L", "Washing Machine 12kg", "Gas Stove 5 Burners", "Dishwasher 8 Places"]),
        ("Air & Climate", 450, 0.8, (2000, 30000), 2, 0.8,
         ["Split Air Conditioner 12000 BTU", "Tower Fan", "Ceiling Fan", "Air Purifier"]),
    ]),
]

BRANDS = [
    "Aurora", "Nordika", "Vértice", "Lumière", "Solaris", "Brisa", "Trópico", "Kaizen", "Orion", "Atlas",
    "Mandacaru", "Ipê", "Jacarandá", "Polaris", "Zenith", "Maré", "Pampa", "Cerrado", "Nova", "Titan",
    "Vega", "Cosmos", "Nørd", "Açaí Co.", "Urbano", "Fênix", "Sierra", "Luna", "Bravo", "Delta",
    "Prisma", "Onda", "Raiz", "Boreal", "Tupã", "Vitta", "Ária", "Mistral", "Sabiá", "Quartzo",
]
VARIANTS = ["Black", "White", "Blue", "Grey", "Red", "Pink", "Green", "Beige", "Navy", "Silver"]

# (state, weight, cities with weights). Weights follow Brazil's online-shopping population, which
# is dominated by the South-East (São Paulo alone is ~40% of customers).
STATES = [
    ("SP", 42.0, [("São Paulo", 40), ("Campinas", 7), ("Guarulhos", 6), ("Santo André", 4),
                  ("São Bernardo do Campo", 4), ("Ribeirão Preto", 4), ("Sorocaba", 4), ("Santos", 4),
                  ("São José dos Campos", 4), ("Osasco", 4),
                  ("Jundiaí", 3), ("Piracicaba", 3), ("Bauru", 2), ("Mogi das Cruzes", 3)]),
    ("RJ", 13.0, [("Rio de Janeiro", 60), ("Niterói", 10), ("Duque de Caxias", 7), ("Nova Iguaçu", 7),
                  ("São Gonçalo", 8), ("Petrópolis", 4), ("Volta Redonda", 4)]),
    ("MG", 11.7, [("Belo Horizonte", 45), ("Uberlândia", 12), ("Contagem", 10), ("Juiz de Fora", 10),
                  ("Betim", 7), ("Montes Claros", 6), ("Uberaba", 5), ("Poços de Caldas", 5)]),
    ("RS", 5.5, [("Porto Alegre", 50), ("Caxias do Sul", 15), ("Pelotas", 10), ("Canoas", 10), ("Santa Maria", 8),
                 ("Novo Hamburgo", 7)]),
    ("PR", 5.0, [("Curitiba", 50), ("Londrina", 15), ("Maringá", 14), ("Ponta Grossa", 8), ("Cascavel", 7),
                 ("Foz do Iguaçu", 6)]),
    ("SC", 3.7, [("Florianópolis", 30), ("Joinville", 25), ("Blumenau", 20), ("Itajaí", 10), ("Chapecó", 8),
                 ("Criciúma", 7)]),
    ("BA", 3.4, [("Salvador", 60), ("Feira de Santana", 15), ("Vitória da Conquista", 10), ("Ilhéus", 8),
                 ("Camaçari", 7)]),
    ("DF", 2.1, [("Brasília", 100)]),
    ("ES", 2.0, [("Vitória", 35), ("Vila Velha", 30), ("Serra", 20), ("Cariacica", 15)]),
    ("GO", 2.0, [("Goiânia", 60), ("Aparecida de Goiânia", 20), ("Anápolis", 20)]),
    ("PE", 1.7, [("Recife", 55), ("Jaboatão dos Guararapes", 20), ("Olinda", 15), ("Caruaru", 10)]),
    ("CE", 1.3, [("Fortaleza", 75), ("Juazeiro do Norte", 15), ("Sobral", 10)]),
    ("PA", 1.0, [("Belém", 70), ("Ananindeua", 15), ("Santarém", 15)]),
    ("MT", 0.9, [("Cuiabá", 60), ("Várzea Grande", 20), ("Rondonópolis", 20)]),
    ("MA", 0.75, [("São Luís", 75), ("Imperatriz", 25)]),
    ("MS", 0.72, [("Campo Grande", 75), ("Dourados", 25)]),
    ("PB", 0.54, [("João Pessoa", 70), ("Campina Grande", 30)]),
    ("PI", 0.5, [("Teresina", 85), ("Parnaíba", 15)]),
    ("RN", 0.5, [("Natal", 80), ("Mossoró", 20)]),
    ("AL", 0.4, [("Maceió", 85), ("Arapiraca", 15)]),
    ("SE", 0.34, [("Aracaju", 100)]),
    ("TO", 0.28, [("Palmas", 70), ("Araguaína", 30)]),
    ("RO", 0.25, [("Porto Velho", 70), ("Ji-Paraná", 30)]),
    ("AM", 0.15, [("Manaus", 100)]),
    ("AC", 0.08, [("Rio Branco", 100)]),
    ("AP", 0.07, [("Macapá", 100)]),
    ("RR", 0.05, [("Boa Vista", 100)]),
]
REGION = {
    "AC": "N", "AP": "N", "AM": "N", "PA": "N", "RO": "N", "RR": "N", "TO": "N",
    "AL": "NE", "BA": "NE", "CE": "NE", "MA": "NE", "PB": "NE", "PE": "NE", "PI": "NE", "RN": "NE", "SE": "NE",
    "DF": "CO", "GO": "CO", "MT": "CO", "MS": "CO",
    "ES": "SE", "MG": "SE", "RJ": "SE", "SP": "SE",
    "PR": "S", "RS": "S", "SC": "S",
}
# Sellers cluster even harder than customers: most marketplace merchants are in São Paulo.
SELLER_STATE_WEIGHTS = {"SP": 60, "MG": 8, "PR": 8, "RJ": 5, "SC": 4, "RS": 3, "GO": 2, "BA": 2, "DF": 1.5,
                        "ES": 1.5, "PE": 1.5, "CE": 1, "MT": 0.5, "MS": 0.5, "PA": 0.5, "RN": 0.3, "PB": 0.3}

FIRST_NAMES = [
    "João", "José", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos", "Luís",
    "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo", "Sérgio",
    "Caio", "Vinícius", "Otávio", "Matheus", "Gustavo", "Thiago", "André", "Fábio", "Renato", "Igor",
    "Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia", "Aline",
    "Sandra", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Júlia", "Luciana", "Vanessa", "Mariana",
    "Gabriela", "Beatriz", "Larissa", "Cláudia", "Thaís", "Heloísa", "Conceição", "Débora", "Priscila",
    "Natália", "Renata", "Simone", "Tatiane", "Isabela", "Lívia", "Yasmin", "Raquel", "Sônia", "Luana",
]
LAST_NAMES = [
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
    "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
    "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
    "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Magalhães", "Simões", "Falcão",
    "Brandão", "Conceição", "Guimarães", "Peixoto", "Monteiro", "Cavalcanti", "Batista", "Pinto", "Melo",
]
# Rare names: apostrophes and non-Portuguese letters are exactly what breaks naive SQL quoting and
# display-width code, so a few percent of customers carry them.
RARE_FIRST_NAMES = ["Sean", "Patrick", "Hiroshi", "Yuki", "Klaus", "Giulia", "Zoë", "Søren", "Chloé", "Małgorzata",
                    "Nguyễn Văn", "Anaïs", "Björn", "Siobhán"]
RARE_LAST_NAMES = ["O'Brien", "O'Connor", "D'Ávila", "Sant'Anna", "D'Angelo", "Müller", "Schröder", "Tanaka",
                   "Nakamura", "Rossi", "Kowalski", "Nguyen", "Haddad", "Øvergaard", "Łukasiewicz", "Çelik"]
EMAIL_DOMAINS = [("gmail.com", 55), ("hotmail.com", 18), ("outlook.com", 8), ("yahoo.com.br", 7),
                 ("uol.com.br", 4), ("bol.com.br", 3), ("icloud.com", 3), ("terra.com.br", 2)]

BUSINESS_PREFIXES = ["Padaria", "Mercado", "Clínica", "Escritório", "Oficina", "Restaurante", "Escola", "Academia",
                     "Papelaria", "Pousada", "Farmácia", "Salão", "Construtora", "Agência", "Lanchonete", "Hotel"]
BUSINESS_NAMES = ["Estrela", "Central", "São Jorge", "Bom Jesus", "Nova Era", "Sabor & Arte", "do Zé", "Santa Luzia",
                  "Primavera", "Ideal", "Real", "Vitória", "Horizonte", "Boa Vista", "Pôr do Sol", "Esperança",
                  "Dois Irmãos", "Paraíso", "Progresso", "Aliança"]
CORPORATE_WORDS = ["Grupo", "Rede", "Companhia", "Holding"]
CORPORATE_SUFFIXES = ["S.A.", "Indústria e Comércio Ltda", "Participações S.A.", "Serviços Ltda"]

SELLER_WORDS_A = ["Casa", "Mundo", "Ponto", "Loja", "Empório", "Cantinho", "Espaço", "Universo", "Planeta", "Mega",
                  "Super", "Top", "Bazar", "Armazém", "Império", "Vila", "Toca", "Galeria", "Depósito", "Clube"]
SELLER_WORDS_B = ["Bella", "Prime", "Tech", "Nova", "do Lar", "Doce", "Bom Preço", "Fit", "Kids", "Pet", "Auto",
                  "Verde", "Sol", "Luz", "Brasil", "Paulista", "Mineira", "Gaúcha", "Nordeste", "Digital",
                  "Fashion", "Chic", "Natural", "Moderno", "Criativo", "Sports", "Gourmet", "Eletro", "Decor", "Util"]
SELLER_SUFFIXES = ["Ltda", "Comércio Ltda", "Store", "Shop", "EIRELI", "& Cia", "Distribuidora", "Importados",
                   "Magazine", "Express", "ME", "Online"]
# Hand-picked names given to large sellers so they show up in top-N answers and exercise unicode,
# apostrophes, ampersands and double-width characters in the renderer.
SPECIAL_SELLER_NAMES = ["Café Açaí Ltda", "Müller & Söhne", "L'Atelier Décor", "Sakura 桜 Home", "Loja do Zé 🛒",
                        "Ñandú Importados", "Élan Moda Íntima", "Zé's Garage", "Øresund Design", "Coração de Mãe"]

REVIEW_TITLES = {
    "good": ["Recommend", "Excellent", "Great product", "Super recomendo", "Perfect", "Ótimo", "Very good",
             "Love it ❤️", "As described", "Fast delivery", "Good value for money", "Nota 10"],
    "mid": ["OK", "Average", "Could be better", "Meh", "Regular", "Does the job", "Razoável"],
    "bad": ["Não recomendo", "Terrible", "Late delivery", "Wrong item", "Never arrived", "Broken", "Disappointed",
            "Do NOT buy", "Péssimo", "Refund?"],
}
REVIEW_FRAGMENTS = {
    "good": ["Arrived before the estimated date.", "Well packaged, product exactly as described.",
             "Great quality for the price.", "Chegou antes do prazo, recomendo!",
             "Seller answered all my questions quickly.", "Perfect 👍", "Muito bom 😍",
             "My second purchase from this seller, never disappointed.", 'Exactly as in the photos, "top quality".',
             "Fast delivery, product works fine, 10/10", "Comprei para presente e a pessoa amou 🎁",
             "Good, cheap, and fast.", "Pros: sturdy, light\nCons: none so far", "Produto excelente, entrega rápida."],
    "mid": ["Product is OK, but the packaging was damaged.", "Took a while, but arrived.", "Smaller than I expected.",
            'It works, but the "premium" finish looks cheap.', "Colour is slightly different from the photo.",
            "Instructions only in English, hard to assemble.", "Meh 😐", "Bom, mas poderia ser melhor.",
            "Pros: price\nCons: quality, smell"],
    "bad": ["Never received the product!!!", 'Received the wrong item: ordered "blue", got red.', "Arrived broken.",
            "Seller did not answer my messages.", "Delivery took weeks, the box was crushed, and a part was missing.",
            "Péssimo. Não recomendo 😡", "I want my money back.", "Fake product, not original.",
            "Tracking code never worked", "Comprei 2 unidades e só chegou 1", "DO NOT BUY FROM THIS SELLER"],
    "late": ["Arrived late, but the product is good.", "Delivery was 10 days late 🙄", "Chegou depois do prazo.",
             "The estimated date passed and nobody told me anything."],
    "returned": ["Returned it: the size did not fit.", "Had to return it, defective.",
                 "Devolvi, não era o que esperava.", "Return was easy, refund took 5 days."],
    "cancelled": ["Order cancelled without explanation.", "Cancelled by the seller after payment, refund took 2 weeks.",
                  "Product unavailable after I paid!", "Paid, waited, then \"out of stock\". Really?"],
}

# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


class Sampler:
    """Draws indices with given weights via a cumulative table and bisection (rng-only, deterministic)."""

    def __init__(self, weights):
        self.cumulative = []
        total = 0.0
        for w in weights:
            total += w
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng: random.Random) -> int:
        return min(bisect.bisect_right(self.cumulative, rng.random() * self.total), len(self.cumulative) - 1)


def pick_weighted(rng, pairs):
    """One value from [(value, weight), ...]."""
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


def ts(value: datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def seconds(n: float) -> timedelta:
    return timedelta(seconds=int(n))


def random_moment(rng, start: datetime, end: datetime) -> datetime:
    return start + seconds(rng.random() * (end - start).total_seconds())


def ascii_slug(text: str, sep: str = "") -> str:
    """'D'Ávila Conceição' -> 'davilaconceicao': email-safe, accents folded."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", sep, folded).strip(sep)


def last_friday_of_november(year: int) -> date:
    d = date(year, 11, 30)
    while d.weekday() != 4:
        d -= timedelta(days=1)
    return d


def second_sunday_of_may(year: int) -> date:
    d = date(year, 5, 1)
    while d.weekday() != 6:
        d += timedelta(days=1)
    return d + timedelta(days=7)


# UTC hour weights. Brazilians shop late morning and in the evening, Brasília time (UTC-3), so the
# evening peak lands on 22:00-02:00 UTC and a "day" in UTC starts at 21:00 local time.
LOCAL_HOUR_WEIGHTS = [2.0, 1.2, 0.6, 0.4, 0.3, 0.4, 0.9, 2.0, 3.5, 4.8, 5.6, 5.8, 5.2, 5.4, 5.7, 5.6, 5.5, 5.4,
                      5.2, 5.8, 6.3, 6.6, 5.6, 3.6]
UTC_HOUR_SAMPLER = Sampler([LOCAL_HOUR_WEIGHTS[(h - 3) % 24] for h in range(24)])


def daily_order_weights() -> list[tuple[date, float]]:
    """Relative order volume per UTC day of the window (no randomness).

    Growth: volume roughly doubles over the two years. Weekly: Monday-Wednesday busiest, Saturday
    quietest (Brazilian marketplace pattern). Calendar: Dia do Consumidor (15 March), the run-up to
    Mother's Day (second Sunday of May, Brazil's second-biggest retail date), Black Friday (last
    Friday of November: ~4.5x a normal day, elevated all of "Black Week" through Cyber Monday), a
    December build-up to Christmas, a collapse on the 25th, and a slow New Year's Day.
    """
    weekday_factor = [1.10, 1.08, 1.05, 1.00, 0.95, 0.80, 0.87]
    month_factor = {1: 0.92, 2: 0.88, 3: 1.0, 4: 0.97, 5: 1.03, 6: 1.0, 7: 0.98, 8: 1.02, 9: 0.97, 10: 1.0,
                    11: 0.98, 12: 1.0}
    first = ORDER_WINDOW_START.date()
    n_days = (ORDER_WINDOW_END.date() - first).days
    out = []
    for i in range(n_days):
        d = first + timedelta(days=i)
        w = 2.0 ** (i / (n_days - 1)) * weekday_factor[d.weekday()] * month_factor[d.month]
        bf_delta = (d - last_friday_of_november(d.year)).days
        if bf_delta == 0:
            w *= 4.5
        elif bf_delta in (1, 2):
            w *= 2.0
        elif bf_delta == 3:
            w *= 2.3  # Cyber Monday
        elif -7 <= bf_delta < 0:
            w *= 1.25
        elif 4 <= bf_delta <= 7:
            w *= 1.1
        if d.month == 12:
            if d.day <= 22:
                w *= 1.2 + 0.6 * d.day / 22
            elif d.day <= 24:
                w *= 1.4
            elif d.day == 25:
                w *= 0.5
            else:
                w *= 1.0
        if d.month == 1 and d.day == 1:
            w *= 0.5
        if d.month == 3 and d.day == 15:
            w *= 1.6
        md_delta = (second_sunday_of_may(d.year) - d).days
        if 1 <= md_delta <= 10:
            w *= 1.3
        out.append((d, w))
    return out


def is_peak_season(d: date) -> bool:
    """Black Week through New Year: carriers are saturated, so handling and transit are slower."""
    return (d.month == 11 and d.day >= 20) or d.month == 12


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------


def generate_categories():
    """Two-level tree: 13 departments, each with leaves. Products always point at a leaf.

    Ids are assigned departments first, then leaves grouped by department, so parent_id < category_id.
    Two leaves (Smart Home, Aquariums) are new and have no products yet.
    """
    rows, leaves = [], []
    next_id = len(CATEGORY_TREE) + 1
    for dept_index, (dept, children) in enumerate(CATEGORY_TREE, start=1):
        rows.append((dept_index, dept, None))
    for dept_index, (dept, children) in enumerate(CATEGORY_TREE, start=1):
        for name, median, sigma, weight_range, popularity, return_mult, nouns in children:
            rows.append((next_id, name, dept_index))
            leaves.append({
                "id": next_id, "name": name, "dept_id": dept_index, "dept": dept, "median": median, "sigma": sigma,
                "weight_range": weight_range, "popularity": popularity, "return_mult": return_mult, "nouns": nouns,
            })
            next_id += 1
    return rows, leaves


def generate_sellers(rng: random.Random):
    """~1,500 merchants with a Pareto-distributed size, so a few dozen dominate sales.

    `size` (hidden) drives how many products a seller lists and how often those sell; with a Pareto
    shape of 1.35 the top 5% of sellers take about half the revenue. Sellers are concentrated in
    São Paulo, joined between 2018 and late 2024 (a quarter during the order window, so they only
    sell in part of it), and have a hidden service level: most ship fast, a few are slow and
    collect bad reviews. Ids follow joined_at. A handful of large sellers get hand-picked unicode
    names.
    """
    sellers = []
    used_names = set()
    state_pairs = list(SELLER_STATE_WEIGHTS.items())
    state_cities = {s: cities for s, _, cities in STATES}
    for _ in range(N_SELLERS):
        size = rng.paretovariate(1.35)
        while True:
            name = f"{rng.choice(SELLER_WORDS_A)} {rng.choice(SELLER_WORDS_B)} {rng.choice(SELLER_SUFFIXES)}"
            if name not in used_names:
                break
        used_names.add(name)
        state = pick_weighted(rng, state_pairs)
        city = pick_weighted(rng, state_cities[state])
        if rng.random() < 0.75:
            joined = random_moment(rng, datetime(2018, 1, 1), datetime(2023, 1, 1))
        else:
            joined = random_moment(rng, datetime(2023, 1, 1), datetime(2024, 11, 1))
        slow = rng.random() < 0.06
        sellers.append({
            "name": name, "city": city, "state": state, "joined_at": joined, "size": size,
            "handling": rng.uniform(1.8, 3.5) if slow else rng.uniform(0.6, 1.3),
            "bad_review_rate": rng.uniform(0.15, 0.35) if slow else rng.uniform(0.0, 0.06),
            "free_shipping": rng.random() < 0.25,
        })
    # Give the special names to mid-to-large sellers (ranks 3..60 by size), deterministically.
    by_size = sorted(range(N_SELLERS), key=lambda i: (-sellers[i]["size"], i))
    for name, index in zip(SPECIAL_SELLER_NAMES, by_size[2:60:6]):
        sellers[index]["name"] = name
    sellers.sort(key=lambda s: s["joined_at"])
    for seller_id, s in enumerate(sellers, start=1):
        s["id"] = seller_id
    rows = [(s["id"], s["name"], s["city"], s["state"], ts(s["joined_at"])) for s in sellers]
    return rows, sellers


def list_price_cents(rng, median: float, sigma: float) -> int:
    """Lognormal price around the category median, rounded the Brazilian way (x9.90, x.99, x.90)."""
    p = median * math.exp(rng.gauss(0, sigma))
    p = max(p, 4.0)
    if p < 100:
        reais = int(p)
        return reais * 100 + rng.choice([90, 99, 90, 0, 50])
    if p < 1000:
        return int(round(p / 10)) * 1000 - rng.choice([10, 1, 10, 100])
    return int(round(p / 100)) * 10000 - rng.choice([10, 100, 1])


def generate_products(rng: random.Random, sellers, leaves):
    """~7,000 listings. Each seller specialises in one department (85% of its listings there).

    Listing count grows with seller size; within a seller, popularity is Zipf-like (the first few
    listings sell most), and the product's overall sales weight is seller size times that share
    (damped for expensive items), so product sales are heavy-tailed too. weight_g is NULL for ~4%
    (seller skipped the field). created_at lies between the seller's joined_at and late 2024,
    skewed early. 12% are inactive (delisted): they keep their historical orders but stop selling
    at a hidden delisting date. Ids follow created_at.
    """
    stocked = [leaf for leaf in leaves if leaf["popularity"] > 0]
    leaf_sampler = Sampler([leaf["popularity"] for leaf in stocked])
    dept_leaves = {}
    for leaf in stocked:
        dept_leaves.setdefault(leaf["dept_id"], []).append(leaf)
    total_size = sum(s["size"] ** 0.6 for s in sellers)
    products = []
    for s in sellers:
        n = max(1, min(300, round(s["size"] ** 0.6 / total_size * N_PRODUCTS_TARGET * 0.93 + rng.random())))
        home_dept = stocked[leaf_sampler.pick(rng)]["dept_id"]
        home = dept_leaves[home_dept]
        home_sampler = Sampler([leaf["popularity"] for leaf in home])
        last_created = datetime(2024, 12, 1)
        zipf_norm = sum(1 / r for r in range(1, n + 1))
        for rank in range(1, n + 1):
            leaf = home[home_sampler.pick(rng)] if rng.random() < 0.85 else stocked[leaf_sampler.pick(rng)]
            span = (last_created - s["joined_at"]).total_seconds()
            created = s["joined_at"] + seconds(span * rng.random() ** 1.6)
            noun = rng.choice(leaf["nouns"])
            name = f"{rng.choice(BRANDS)} {noun}"
            r = rng.random()
            if r < 0.25:
                name += f" - {rng.choice(VARIANTS)}"
            elif r < 0.32:
                name += f", {rng.choice(VARIANTS)}"
            elif r < 0.37:
                name += " (Pack of 2)"
            wmin, wmax = leaf["weight_range"]
            weight = int(round(math.exp(rng.uniform(math.log(wmin), math.log(wmax))) / 10) * 10)
            active = rng.random() >= 0.12
            delisted = None if active else random_moment(rng, created + timedelta(days=30), SNAPSHOT_AT)
            list_cents = list_price_cents(rng, leaf["median"], leaf["sigma"])
            # Expensive listings sell less often: a R$ 3,000 laptop sells ~1/8 as often as a R$ 100 towel.
            sales_weight = s["size"] * (1 / rank) / zipf_norm * (list_cents / 10000) ** -0.6
            products.append({
                "seller": s, "leaf": leaf, "name": name, "created_at": created, "list_cents": list_cents,
                "weight_g": None if rng.random() < 0.04 else max(weight, 10),
                "real_weight": max(weight, 10), "is_active": active, "delisted_at": delisted,
                "sales_weight": sales_weight,
            })
    products.sort(key=lambda p: (p["created_at"], p["seller"]["id"]))
    for product_id, p in enumerate(products, start=1):
        p["id"] = product_id
    rows = [(p["id"], p["seller"]["id"], p["leaf"]["id"], p["name"], money(p["list_cents"]), p["weight_g"],
             ts(p["created_at"]), 1 if p["is_active"] else 0) for p in products]
    return rows, products


def person_name(rng) -> str:
    first = rng.choice(RARE_FIRST_NAMES) if rng.random() < 0.02 else rng.choice(FIRST_NAMES)
    last = rng.choice(RARE_LAST_NAMES) if rng.random() < 0.04 else rng.choice(LAST_NAMES)
    if rng.random() < 0.3:
        middle = rng.choice(LAST_NAMES)
        if middle != last:
            return f"{first} {middle} {last}"
    return f"{first} {last}"


def orders_per_customer(rng, segment: str) -> int:
    """How many orders a customer places in the window: most consumers order once, ~9% never
    (signed up, never bought); small businesses and corporates re-order, a few dozen times."""
    if segment == "consumer":
        return pick_weighted(rng, [(0, 9), (1, 72), (2, 12), (3, 4), (rng.randint(4, 6), 2.5),
                                   (rng.randint(7, 12), 0.5)])
    if segment == "small_business":
        return pick_weighted(rng, [(0, 5), (1, 40), (2, 22), (3, 12), (rng.randint(4, 8), 15),
                                   (rng.randint(9, 25), 5.5), (rng.randint(26, 50), 0.5)])
    return pick_weighted(rng, [(0, 5), (1, 25), (rng.randint(2, 5), 40), (rng.randint(6, 20), 27),
                               (rng.randint(21, 60), 3)])


def generate_customers(rng: random.Random, day_sampler: Sampler, days: list[date]):
    """40,000 accounts, each with its order dates planned up front.

    Segments: 90% consumer, 8% small_business, 2% corporate (business accounts carry a company
    name and a role mailbox, and re-order far more). Order days are drawn from the daily volume
    curve, so seasonality emerges from customers. signup_at precedes the first order: a third sign
    up at checkout (minutes before), the rest days to months earlier; customers who never ordered
    signed up any time since 2019. email is NULL for ~3% (accounts created by phone number), city is
    NULL for ~0.5% (legacy app left it blank). Emails are unique. Ids follow signup_at.
    """
    state_pairs = [(s, w) for s, w, _ in STATES]
    state_cities = {s: cities for s, _, cities in STATES}
    used_emails = set()
    customers = []
    for _ in range(N_CUSTOMERS):
        segment = pick_weighted(rng, [("consumer", 90), ("small_business", 8), ("corporate", 2)])
        if segment == "consumer":
            name = person_name(rng)
        elif segment == "small_business":
            prefix, core = rng.choice(BUSINESS_PREFIXES), rng.choice(BUSINESS_NAMES)
            name = f"{prefix} {core} {rng.choice(['Ltda', 'ME', 'EIRELI', 'Ltda', 'ME'])}"
        else:
            name = f"{rng.choice(CORPORATE_WORDS)} {rng.choice(BUSINESS_NAMES)} {rng.choice(CORPORATE_SUFFIXES)}"
        state = pick_weighted(rng, state_pairs)
        city = None if rng.random() < 0.005 else pick_weighted(rng, state_cities[state])
        email = None
        if rng.random() >= 0.03:
            if segment == "consumer":
                parts = name.split()
                local = ascii_slug(parts[0]) + rng.choice([".", "_", ""]) + ascii_slug(parts[-1])
                if rng.random() < 0.4:
                    local += str(rng.randint(1, 99))
                domain = pick_weighted(rng, EMAIL_DOMAINS)
            else:
                local = rng.choice(["compras", "financeiro", "contato", "adm"])
                domain = ascii_slug(" ".join(name.split()[1:3])) + ".com.br"
            email, n = f"{local}@{domain}", 1
            while email in used_emails:
                n += 1
                email = f"{local}{n}@{domain}"
            used_emails.add(email)
        order_times = []
        for _ in range(orders_per_customer(rng, segment)):
            day = days[day_sampler.pick(rng)]
            moment = datetime(day.year, day.month, day.day, UTC_HOUR_SAMPLER.pick(rng)) + seconds(rng.random() * 3600)
            order_times.append(moment)
        order_times.sort()
        if order_times:
            first = order_times[0]
            if rng.random() < 0.35:
                signup = first - seconds(rng.uniform(60, 1800))
            else:
                signup = first - seconds(rng.expovariate(1 / 150) * 86400 + rng.uniform(3600, 86400))
            signup = max(signup, datetime(2019, 1, 1) + seconds(rng.random() * 86400 * 30))
        else:
            since_2019 = (SNAPSHOT_AT - datetime(2019, 1, 1)).total_seconds()
            signup = datetime(2019, 1, 1) + seconds(rng.random() ** 0.7 * since_2019)
        customers.append({"name": name, "email": email, "city": city, "state": state, "signup_at": signup,
                          "segment": segment, "order_times": order_times})
    customers.sort(key=lambda c: c["signup_at"])
    for customer_id, c in enumerate(customers, start=1):
        c["id"] = customer_id
    rows = [(c["id"], c["name"], c["email"], c["city"], c["state"], ts(c["signup_at"]), c["segment"])
            for c in customers]
    return rows, customers


def transit_days(seller_state: str, customer_state: str) -> int:
    """Typical carrier days between states: same state 2, same region 4, then by destination."""
    if seller_state == customer_state:
        return 2
    if REGION[seller_state] == REGION[customer_state]:
        return 4
    base = {"SE": 5, "S": 6, "CO": 7, "NE": 9, "N": 13}[REGION[customer_state]]
    return base + (2 if REGION[seller_state] in ("N", "NE", "CO") else 0)


def generate_order_skeletons(customers):
    """One order per planned date, numbered in time order (order_id follows ordered_at)."""
    orders = []
    for c in customers:
        for moment in c["order_times"]:
            orders.append({"customer": c, "ordered_at": moment})
    orders.sort(key=lambda o: (o["ordered_at"], o["customer"]["id"]))
    for order_id, o in enumerate(orders, start=1):
        o["id"] = order_id
    return orders


def unit_price_cents(rng, list_cents: int, d: date) -> int:
    """Price actually charged: list price most of the time, promotions more often and deeper in Black
    Week and December, and occasionally above today's list price (the list price was cut later)."""
    bf_delta = (d - last_friday_of_november(d.year)).days
    if -1 <= bf_delta <= 3:
        promo_rate, lo, hi = 0.65, 0.15, 0.45
    elif d.month == 12 and d.day <= 24:
        promo_rate, lo, hi = 0.35, 0.05, 0.30
    else:
        promo_rate, lo, hi = 0.22, 0.05, 0.25
    r = rng.random()
    if r < promo_rate:
        factor = 1 - rng.uniform(lo, hi)
    elif r < promo_rate + 0.05:
        factor = 1 + rng.uniform(0.01, 0.12)
    else:
        factor = 1.0
    return max(100, int(round(list_cents * factor)))


def generate_order_items(rng: random.Random, orders, products):
    """Order lines. Most orders have one line; businesses buy more lines and larger quantities.

    A product is drawn by sales weight among listings that exist and are not delisted at order
    time. Extra lines come from the same seller 55% of the time (bundles), otherwise from anyone,
    so some orders span several sellers. seller_id is copied from the product (denormalised, as in
    marketplace exports). freight_value is per line: a base by route plus weight, zero when the
    seller offers free shipping and the line is worth at least R$ 79.
    """
    global_sampler = Sampler([p["sales_weight"] for p in products])
    by_seller = {}
    for p in products:
        by_seller.setdefault(p["seller"]["id"], []).append(p)
    seller_samplers = {sid: (plist, Sampler([p["sales_weight"] for p in plist]))
                       for sid, plist in by_seller.items()}

    def available(p, when):
        return p["created_at"] < when and (p["delisted_at"] is None or p["delisted_at"] > when)

    def draw(when, exclude, seller_id=None):
        for _ in range(200):
            if seller_id is None:
                p = products[global_sampler.pick(rng)]
            else:
                plist, sampler = seller_samplers[seller_id]
                p = plist[sampler.pick(rng)]
            if available(p, when) and p["id"] not in exclude:
                return p
        return None

    rows = []
    for o in orders:
        segment = o["customer"]["segment"]
        if segment == "consumer":
            n_lines = pick_weighted(rng, [(1, 88), (2, 8), (3, 2.5), (4, 1), (rng.randint(5, 6), 0.5)])
        else:
            n_lines = pick_weighted(rng, [(1, 70), (2, 17), (3, 7), (rng.randint(4, 8), 6)])
        lines = []
        chosen = set()
        for seq in range(1, n_lines + 1):
            p = None
            if lines and rng.random() < 0.55:
                p = draw(o["ordered_at"], chosen, lines[0]["product"]["seller"]["id"])
            if p is None:
                p = draw(o["ordered_at"], chosen)
            if p is None:
                break
            chosen.add(p["id"])
            if segment == "consumer":
                qty = pick_weighted(rng, [(1, 90), (2, 6.5), (3, 2), (rng.randint(4, 6), 1.5)])
            else:
                qty = pick_weighted(rng, [(1, 55), (rng.randint(2, 4), 30), (rng.randint(5, 12), 13),
                                          (rng.randint(13, 30), 2)])
            if p["list_cents"] > 100000:
                qty = min(qty, 3)
            elif p["list_cents"] > 30000:
                qty = min(qty, 10)
            unit = unit_price_cents(rng, p["list_cents"], o["ordered_at"].date())
            seller = p["seller"]
            route = transit_days(seller["state"], o["customer"]["state"])
            kg = p["real_weight"] / 1000
            freight = (6.0 + 1.6 * route) * rng.uniform(0.85, 1.15) + 0.9 * kg * (1 + route / 6) * qty ** 0.8
            freight_cents = int(round(freight * 100))
            if seller["free_shipping"] and unit * qty >= 7900:
                freight_cents = 0
            lines.append({"seq": len(lines) + 1, "product": p, "qty": qty, "unit": unit, "freight": freight_cents})
        assert lines, f"order {o['id']}: no product was on sale"
        o["lines"] = lines
        o["goods_cents"] = sum(line["unit"] * line["qty"] for line in lines)
        o["total_cents"] = o["goods_cents"] + sum(line["freight"] for line in lines)
        for line in lines:
            p = line["product"]
            rows.append((o["id"], line["seq"], p["id"], p["seller"]["id"], line["qty"], money(line["unit"]),
                         money(line["freight"])))
    return rows


def split_cents(rng, total: int, parts: int) -> list[int]:
    """Split an amount into `parts` positive cent amounts that add up exactly."""
    if parts == 1:
        return [total]
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def generate_payments(rng: random.Random, orders):
    """The payment plan chosen at checkout: one row per method used, summing to items + freight.

    Method mix drifts over the two years (pix grows from ~15% to ~30%, boleto shrinks) and depends
    on the buyer: businesses pay by boleto more, big baskets go on the credit card in instalments
    (interest-free; `amount` is the full amount, not one instalment; the minimum instalment is about
    R$ 20). ~5% of orders redeem vouchers: gift/credit vouchers are separate rows, several per order
    is common, and small baskets are sometimes paid by vouchers alone. Rows exist for every order,
    including ones whose payment was never captured or was refunded.
    """
    window = (ORDER_WINDOW_END - ORDER_WINDOW_START).total_seconds()
    installment_weights = [(1, 45), (2, 12), (3, 10), (4, 7), (5, 6), (6, 5), (8, 4), (10, 8), (12, 3)]
    rows = []
    for o in orders:
        t = (o["ordered_at"] - ORDER_WINDOW_START).total_seconds() / window
        total = o["total_cents"]
        weights = {"credit_card": 0.62 - 0.10 * t, "pix": 0.14 + 0.16 * t, "boleto": 0.16 - 0.08 * t,
                   "debit_card": 0.05}
        if o["customer"]["segment"] != "consumer":
            weights["boleto"] *= 3
        if total > 150000:
            weights["credit_card"] *= 2.5
        plan = []
        vouchers = []
        if rng.random() < 0.05 and total > 500:
            n_vouchers = pick_weighted(rng, [(1, 60), (2, 25), (3, 10), (rng.randint(4, 6), 5)])
            if total <= 8000 and rng.random() < 0.5:
                vouchers = split_cents(rng, total, min(n_vouchers, total // 100))
            else:
                remaining = total
                for _ in range(n_vouchers):
                    v = rng.choice([1000, 1500, 2000, 2500, 3000, 5000, 10000])
                    if v >= remaining - 100:
                        break
                    vouchers.append(v)
                    remaining -= v
        remainder = total - sum(vouchers)
        if remainder > 0:
            method = pick_weighted(rng, list(weights.items()))
            installments = 1
            if method == "credit_card":
                max_inst = max(1, min(12, remainder // 2000))
                candidates = [(n, w * (3 if n >= 10 and remainder > 100000 else 1))
                              for n, w in installment_weights if n <= max_inst]
                installments = pick_weighted(rng, candidates)
            plan.append((method, installments, remainder))
        plan.extend(("voucher", 1, v) for v in vouchers)
        o["main_method"] = plan[0][0]
        for seq, (method, installments, amount) in enumerate(plan, start=1):
            rows.append((o["id"], seq, method, installments, money(amount)))
    return rows


def settle_orders(rng: random.Random, orders):
    """Play each order's lifecycle forward and record what is known at SNAPSHOT_AT.

    pending -> (payment approved) processing -> invoiced -> shipped -> delivered [-> returned];
    side exits: cancelled (payment never arrived: unpaid boleto after 3 days, expired pix, declined
    card; or the customer cancelled before shipping) and unavailable (the seller could not fulfil
    after payment). Boletos clear in 1-3 days, cards and pix in minutes. Handling time depends on
    the seller, transit on the route; peak season adds days. estimated_delivery_date is the
    generous promise made at checkout, so most orders arrive early; ~7.5% arrive late, more in
    Black Week and December and on long routes. Quirks kept on purpose: ~0.2% of old orders are
    stuck in 'shipped' (lost parcels never closed), ~0.1% in 'processing' (never updated), and a
    handful of delivered orders have no delivered_at (carrier scan missing).
    """
    rows = []
    for o in orders:
        t0 = o["ordered_at"]
        day0 = t0.date()
        peak = is_peak_season(day0)
        lines = o["lines"]
        seller = lines[0]["product"]["seller"]
        cust = o["customer"]
        route = max(transit_days(line["product"]["seller"]["state"], cust["state"]) for line in lines)
        promise = 2 + math.ceil(route * 1.6) + 5 + (4 if peak else 0) + rng.randint(0, 4)
        estimated = day0 + timedelta(days=promise)
        approved = shipped = delivered = None
        status = None

        method = o["main_method"]
        if method == "boleto":
            paid = rng.random() < 0.90
            pay_delay = rng.uniform(2, 30) * 3600 + rng.uniform(0.3, 1.5) * 86400
        elif method == "credit_card":
            paid = rng.random() >= 0.01
            pay_delay = 20 + rng.expovariate(1 / 900)
        elif method == "pix":
            paid = rng.random() >= 0.02
            pay_delay = rng.uniform(15, 600)
        elif method == "debit_card":
            paid = rng.random() >= 0.015
            pay_delay = rng.uniform(30, 1800)
        else:  # voucher only
            paid = True
            pay_delay = rng.uniform(2, 40)
        approved_at = t0 + seconds(pay_delay)
        fate = rng.random()
        fulfilment_stuck = rng.random() < 0.001
        if not paid:
            # An unpaid boleto expires after 3 days and a pix QR code after 1; a declined card is final.
            expiry = {"boleto": timedelta(days=3), "pix": timedelta(days=1)}.get(method)
            status = "pending" if expiry and t0 + expiry > SNAPSHOT_AT else "cancelled"
        elif approved_at > SNAPSHOT_AT:
            status = "pending"
        else:
            approved = approved_at
            invoiced = approved + seconds(rng.uniform(1, 30) * 3600 * seller["handling"])
            ship_days = rng.uniform(0.3, 2.5) * seller["handling"] + (rng.uniform(0.5, 2) if peak else 0)
            if rng.random() < 0.05:
                ship_days += rng.uniform(3, 10)
            shipped_at = invoiced + seconds(ship_days * 86400)
            if fate < 0.015:
                exit_at = approved + seconds(rng.uniform(0.05, 3) * 86400)
                status = ("cancelled" if fate < 0.008 else "unavailable") if exit_at <= SNAPSHOT_AT else "processing"
            elif fulfilment_stuck and t0 < datetime(2024, 10, 1):
                status = "processing"
            elif invoiced > SNAPSHOT_AT:
                status = "processing"
            elif shipped_at > SNAPSHOT_AT:
                status = "invoiced"
            else:
                shipped = shipped_at
                dest_remote = REGION[cust["state"]] in ("N", "NE")
                force_late = rng.random() < 0.05 + (0.05 if dest_remote else 0) + (0.12 if peak else 0)
                transit = route * math.exp(rng.gauss(0, 0.3)) + rng.uniform(0, 1)
                arrive = shipped + seconds(transit * 86400)
                if force_late:
                    late_days = 1 + int(rng.expovariate(1 / 6))
                    arrive = max(arrive, datetime.combine(estimated, datetime.min.time()) + timedelta(days=late_days))
                arrive = arrive.replace(hour=rng.randint(11, 23), minute=rng.randint(0, 59), second=rng.randint(0, 59))
                if arrive < shipped:
                    arrive = shipped + seconds(rng.uniform(2, 8) * 3600)
                if rng.random() < 0.002 and t0 < datetime(2024, 10, 1):
                    status = "shipped"  # lost in transit, never closed
                elif arrive > SNAPSHOT_AT:
                    status = "shipped"
                else:
                    delivered = arrive
                    status = "delivered"
                    return_rate = 0.018 * lines[0]["product"]["leaf"]["return_mult"]
                    if delivered.date() > estimated:
                        return_rate += 0.03
                    if rng.random() < return_rate:
                        if delivered + timedelta(days=rng.uniform(2, 20)) <= SNAPSHOT_AT:
                            status = "returned"
                    o["arrived_at"] = delivered
                    if status == "delivered" and rng.random() < 0.0006:
                        delivered = None  # carrier never sent the delivery scan
        o.update(status=status, approved_at=approved, shipped_at=shipped, delivered_at=delivered,
                 estimated=estimated, seller=seller)
        rows.append((o["id"], cust["id"], status, ts(t0), ts(approved), ts(shipped), ts(delivered),
                     estimated.isoformat()))
    return rows


def review_text(rng, mood: str, context: str | None):
    """A title and a comment drawn from canned fragments. Comments are often NULL, more often present
    when the customer is unhappy; they include commas, double quotes, line breaks and emoji."""
    title = None
    if rng.random() < 0.3:
        title = rng.choice(REVIEW_TITLES[mood])
    elif rng.random() < 0.006:
        title = ""  # the form submitted a blank title: an empty string, not NULL
    comment_rate = {"good": 0.33, "mid": 0.55, "bad": 0.78}[mood]
    comment = None
    if rng.random() < comment_rate:
        pool = REVIEW_FRAGMENTS[mood]
        if context and rng.random() < 0.6:
            pool = REVIEW_FRAGMENTS[context] + pool
        n = pick_weighted(rng, [(1, 70), (2, 25), (3, 5)])
        fragments = [rng.choice(pool) for _ in range(n)]
        joiner = pick_weighted(rng, [(" ", 75), ("\n", 20), ("\n\n", 5)])
        comment = joiner.join(dict.fromkeys(fragments))
        if rng.random() < 0.03:
            comment = comment.upper()
    return title, comment


def generate_reviews(rng: random.Random, orders):
    """Post-purchase survey answers: ~75% of delivered orders, most returned orders, and some
    cancelled/unavailable ones (angry customers). Never for orders still in flight.

    Scores are J-shaped: a customer is either happy (5 most, some 4 or 3) or unhappy (1 most, some
    2 or 3). The chance of being unhappy rises with days late, with the seller's hidden service
    level, and is high for returns and cancellations. created_at is when the customer submitted the
    review (usually within days of delivery); answered_at is when the seller replied publicly,
    NULL if never (sellers reply more to bad reviews). Ids follow created_at.
    """
    reviews = []
    for o in orders:
        status = o["status"]
        context = None
        if status == "delivered":
            if rng.random() >= 0.75:
                continue
            arrived = o.get("arrived_at")
            days_late = (arrived.date() - o["estimated"]).days
            bad_rate = 0.07 + o["seller"]["bad_review_rate"]
            if days_late > 10:
                bad_rate += 0.62
                context = "late"
            elif days_late > 3:
                bad_rate += 0.45
                context = "late"
            elif days_late > 0:
                bad_rate += 0.25
                context = "late"
            base = arrived
        elif status == "returned":
            if rng.random() >= 0.8:
                continue
            bad_rate, context, base = 0.7, "returned", o["arrived_at"]
        elif status in ("cancelled", "unavailable"):
            if rng.random() >= (0.12 if status == "cancelled" else 0.3):
                continue
            bad_rate, context = 0.85, "cancelled"
            base = o["ordered_at"] + timedelta(days=rng.uniform(3, 12))
        else:
            continue
        created = base + seconds(rng.expovariate(1 / 2.5) * 86400 + rng.uniform(600, 40000))
        if created > SNAPSHOT_AT:
            continue
        if rng.random() < bad_rate:
            score = pick_weighted(rng, [(1, 62), (2, 20), (3, 18)])
        else:
            score = pick_weighted(rng, [(5, 70), (4, 22), (3, 8)])
        mood = "good" if score >= 4 else "mid" if score == 3 else "bad"
        title, comment = review_text(rng, mood, context if mood != "good" else None)
        answered = None
        if rng.random() < {1: 0.35, 2: 0.3, 3: 0.12, 4: 0.05, 5: 0.04}[score]:
            answered = created + seconds(rng.expovariate(1 / 1.5) * 86400 + 1800)
            if answered > SNAPSHOT_AT:
                answered = None
        reviews.append({"order_id": o["id"], "score": score, "title": title, "comment": comment,
                        "created_at": created, "answered_at": answered})
    reviews.sort(key=lambda r: (r["created_at"], r["order_id"]))
    return [(i, r["order_id"], r["score"], r["title"], r["comment"], ts(r["created_at"]), ts(r["answered_at"]))
            for i, r in enumerate(reviews, start=1)]


# --------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------


def csv_field(value) -> str:
    """PostgreSQL COPY CSV conventions: NULL -> empty unquoted, '' -> "", quote when needed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("write booleans as 1/0")
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"unexpected {type(value).__name__} in CSV row: {value!r}")
    if value == "" or any(ch in value for ch in ',"\n\r') or value == "\\.":
        return '"' + value.replace('"', '""') + '"'
    return value


def write_csv(table: str, rows) -> None:
    path = os.path.join(DATA_DIR, f"{table}.csv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(COLUMNS[table]) + "\n")
        for row in rows:
            assert len(row) == len(COLUMNS[table]), (table, row)
            f.write(",".join(csv_field(v) for v in row) + "\n")


def schema_columns(path: str) -> dict[str, list[str]]:
    """Column names per table, read from the CREATE TABLE statements of a schema file."""
    tables, current = {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*CREATE TABLE\s+(\w+)", line, re.IGNORECASE)
        if m:
            current = tables.setdefault(m.group(1), [])
            continue
        if current is not None:
            if line.strip().startswith(")"):
                current = None
                continue
            m = re.match(r"\s+(\w+)\s", line)
            if m and m.group(1).upper() not in ("PRIMARY", "FOREIGN", "CHECK", "UNIQUE", "CONSTRAINT"):
                current.append(m.group(1))
    return tables


def main() -> None:
    rng = random.Random(SEED)
    os.makedirs(DATA_DIR, exist_ok=True)
    if os.path.exists(SQLITE_SCHEMA):
        declared = schema_columns(SQLITE_SCHEMA)
        for table, columns in COLUMNS.items():
            if declared.get(table) != columns:
                raise SystemExit(f"{table}: generator columns {columns} != schema {declared.get(table)}")

    day_weights = daily_order_weights()
    days = [d for d, _ in day_weights]
    day_sampler = Sampler([w for _, w in day_weights])

    category_rows, leaves = generate_categories()
    seller_rows, sellers = generate_sellers(rng)
    product_rows, products = generate_products(rng, sellers, leaves)
    customer_rows, customers = generate_customers(rng, day_sampler, days)
    orders = generate_order_skeletons(customers)
    item_rows = generate_order_items(rng, orders, products)
    payment_rows = generate_payments(rng, orders)
    order_rows = settle_orders(rng, orders)
    review_rows = generate_reviews(rng, orders)

    tables = {
        "categories": category_rows, "sellers": seller_rows, "customers": customer_rows,
        "products": product_rows, "orders": order_rows, "order_items": item_rows,
        "payments": payment_rows, "reviews": review_rows,
    }
    for table, rows in tables.items():
        write_csv(table, rows)
        print(f"{table:12} {len(rows):>7} rows")


if __name__ == "__main__":
    main()
