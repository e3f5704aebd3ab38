#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

// The users of a read by the key of their DN (LdapReader::keyOf), for the 600,000 member values of
// a large directory: an open-addressing table of fingerprints, one memory access per lookup where
// a node-based hash table took three (its lookups were a fifth of the read). A fingerprint is two
// independent hashes, 96 bits: two keys sharing one are not to be expected among millions, and a
// value that matched a user it does not name would make a membership that no sync removes
// (removing a value the group does not have changes nothing).
class DnIndex
{
public:
    void insert(QByteArrayView key, std::int32_t index)
    {
        if ((m_count + 1) * 2 > m_slots.size()) {
            grow();
        }
        place({first(key), second(key), index});
        ++m_count;
    }

    std::int32_t find(QByteArrayView key) const
    {
        if (m_slots.empty()) {
            return -1;
        }
        const std::uint64_t a = first(key);
        const std::uint32_t b = second(key);
        for (std::size_t i = a & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot& slot = m_slots[i];
            if (slot.index < 0) {
                return -1;
            }
            if (slot.a == a && slot.b == b) {
                return slot.index;
            }
        }
    }

    void clear()
    {
        m_slots = {};
        m_count = 0;
    }

private:
    struct Slot
    {
        std::uint64_t a = 0;
        std::uint32_t b = 0;
        std::int32_t index = -1;
    };

    static std::uint64_t first(QByteArrayView key)
    {
        return std::hash<std::string_view>{}(std::string_view(key.data(), std::size_t(key.size())));
    }
    // FNV-1a: independent of the first.
    static std::uint32_t second(QByteArrayView key)
    {
        std::uint32_t hash = 2166136261u;
        for (const char c : key) {
            hash = (hash ^ std::uint8_t(c)) * 16777619u;
        }
        return hash;
    }

    void place(const Slot& slot)
    {
        for (std::size_t i = slot.a & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            if (m_slots[i].index < 0) {
                m_slots[i] = slot;
                return;
            }
        }
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        for (const Slot& slot : old) {
            if (slot.index >= 0) {
                place(slot);
            }
        }
    }

    std::vector<Slot> m_slots; // a power of two, at most half full
    std::size_t m_count = 0;
};
