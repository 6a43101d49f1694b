import sys

def main():
    print("hello")

# --8<-- [start:greet]
def greet(name):
    return f"Hello, {name}"
# --8<-- [end:greet]
